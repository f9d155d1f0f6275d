package io.convot.notification;

import io.convot.common.Html;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The mail a member gets about a conversation: the app, who wrote, every message not yet seen
 * (oldest first, each with its sender and time), a link to the conversation in the dashboard, and
 * where to change what they get ({@code List-Unsubscribe} too). Never a private note, never a
 * secret; everything people typed is text, escaped in the HTML part.
 */
final class AgentMail {

  private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  /** One message as the mail lists it. */
  record Line(String sender, boolean fromContact, Instant at, String text) {}

  private AgentMail() {}

  static Mail compose(String to, boolean newConversation, String app, String contact, List<Line> lines, String link, String preferences,
      Instant expiresAt) {
    long fromContact = lines.stream().filter(Line::fromContact).count();
    String subject = oneLine((newConversation ? "New conversation from " : fromContact == 1 ? "New message from "
        : fromContact + " new messages from ") + contact + " · " + app);
    StringBuilder text = new StringBuilder();
    text.append(newConversation ? contact + " started a conversation in " + app + ":" : contact + " wrote in " + app + ":").append("\n\n");
    StringBuilder items = new StringBuilder();
    for (Line line : lines) {
      text.append(line.sender()).append(", ").append(READABLE.format(line.at())).append(":\n");
      text.append(indent(line.text())).append("\n\n");
      items.append("<tr><td style=\"padding: 8px 0; border-bottom: 1px solid #eee\"><div style=\"color: #555; font-size: 13px\"><strong>")
          .append(Html.escape(line.sender())).append("</strong> · ").append(READABLE.format(line.at())).append("</div>")
          .append("<div style=\"white-space: pre-wrap\">").append(Html.escape(line.text())).append("</div></td></tr>\n");
    }
    text.append("Answer in Convot: ").append(link).append("\n\n")
        .append("-- \nYou get this mail because your notification settings ask for it and you were not in the dashboard.\n")
        .append("Change what you get: ").append(preferences).append("\n");
    String html = """
        <!DOCTYPE html>
        <html><body style="font-family: sans-serif; line-height: 1.4">
        <p>%s</p>
        <table cellpadding="0" cellspacing="0" width="100%%">
        %s</table>
        <p><a href="%s">Answer in Convot</a></p>
        <p style="color: #666; font-size: 12px">You get this mail because your notification settings ask for it and you were not in the dashboard.
        <a href="%s">Change what you get</a>.</p>
        </body></html>
        """.formatted(Html.escape(newConversation ? contact + " started a conversation in " + app + ":" : contact + " wrote in " + app + ":"),
        items, Html.escape(link), Html.escape(preferences));
    return new Mail(to, subject, text.toString(), html, preferences, expiresAt);
  }

  private static String indent(String text) {
    return "  " + text.replace("\r\n", "\n").replace("\n", "\n  ");
  }

  /** A subject is one line: control characters (a name with a line break) become spaces. */
  private static String oneLine(String text) {
    String line = text.replaceAll("\\p{Cntrl}", " ");
    return line.length() > 200 ? line.substring(0, 199) + "…" : line;
  }
}
