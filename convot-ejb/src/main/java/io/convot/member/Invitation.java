package io.convot.member;

import java.time.Instant;

/** A new invitation: the member and the one-time link that only this response shows. */
public record Invitation(Member member, String url, Instant expiresAt) {

  /** Where the dashboard accepts invitations, below Convot's public URL: {@code <base>/<token>}. */
  public static final String DASHBOARD_PAGE = "/app/#/invite";

  /**
   * The link to send: {@code configuredBase/<token>} when an operator set one, else the dashboard's
   * invitation page on {@code publicUrl} (Convot's configured public URL or the origin the request reached).
   */
  static String link(String configuredBase, String publicUrl, String token) {
    String base = configuredBase != null && !configuredBase.isBlank() ? configuredBase.strip() : withoutSlash(publicUrl) + DASHBOARD_PAGE;
    return withoutSlash(base) + "/" + token;
  }

  private static String withoutSlash(String url) {
    String trimmed = url.strip();
    return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
  }
}
