package io.convot.helpcenter;

import java.time.Instant;

/**
 * An app's custom help-center domain on the wire: the DNS record to create, the status the last
 * check found ({@code pending} until the first) with why, and the address it serves once verified.
 */
public record DomainView(String hostname, DnsRecord record, String status, Instant checkedAt, String explanation,
    Instant verifiedAt, String url) {

  /** The record to create at the DNS provider. */
  public record DnsRecord(String type, String name, String value) {}

  public static DomainView of(HelpDomain domain, String helpCenterHost) {
    return new DomainView(domain.hostname(), new DnsRecord("CNAME", domain.hostname(), helpCenterHost), domain.status(),
        domain.checkedAt(), domain.explanation(), domain.verifiedAt(),
        domain.isVerified() ? "https://" + domain.hostname() + "/" : null);
  }
}
