package io.convot.notification;

/**
 * One mail to one recipient, as it waits in the mail queue: plain text, and optionally the same in
 * simple HTML. It never carries a secret.
 */
public record Mail(String to, String subject, String text, String html) {}
