package io.convot.notification;

/**
 * One mail to one recipient, as it waits in the mail queue: plain text, and optionally the same in
 * simple HTML, and where the recipient can stop such mail ({@code List-Unsubscribe}, null when it
 * is not theirs to stop). It never carries a secret.
 */
public record Mail(String to, String subject, String text, String html, String listUnsubscribe) {

  public Mail(String to, String subject, String text, String html) {
    this(to, subject, text, html, null);
  }
}
