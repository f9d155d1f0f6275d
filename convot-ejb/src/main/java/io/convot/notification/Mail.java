package io.convot.notification;

import java.time.Instant;

/**
 * One mail to one recipient, as it waits in the mail queue: plain text, and optionally the same in
 * simple HTML; where the recipient can stop such mail ({@code List-Unsubscribe}, null when it is not
 * theirs to stop); and until when it is worth sending (null: always). It never carries a secret.
 */
public record Mail(String to, String subject, String text, String html, String listUnsubscribe, Instant expiresAt) {

  /** A notice that cannot be unsubscribed from and never expires. */
  public static Mail of(String to, String subject, String text, String html) {
    return new Mail(to, subject, text, html, null, null);
  }

  /** Past its expiry a mail is news no more (the dashboard shows what it told): it is dropped unsent. */
  public boolean expired(Instant now) {
    return expiresAt != null && now.isAfter(expiresAt);
  }
}
