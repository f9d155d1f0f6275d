package io.convot.report;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The export's lines: RFC 4180 (comma separated, CRLF, a cell quoted when it holds a comma, a
 * quote or a line break, quotes doubled), a header first. A cell that a spreadsheet would read as a
 * formula (it starts with {@code = + - @}, a tab or a carriage return) gets a leading apostrophe:
 * nothing a visitor or member typed runs in the sheet. Times are ISO-8601 in the report's zone.
 */
public final class ConversationCsv {

  public static final List<String> HEADER = List.of("id", "app_id", "app", "contact_email", "created_at",
      "first_visitor_message_at", "first_reply_at", "first_responder", "resolved_at", "resolver", "status",
      "messages_received", "messages_sent");

  private ConversationCsv() {}

  public static String header() {
    return line(HEADER);
  }

  public static String line(ConversationExport.Row row, ReportRange range, Map<UUID, String> names) {
    return line(List.of(row.id().toString(), row.appId().toString(), text(row.appName()), text(row.contactEmail()),
        range.format(row.createdAt()), time(range, row.firstVisitorMessageAt()), time(range, row.firstReplyAt()),
        row.firstReplyAt() == null ? "" : who(row.firstResponderId(), names), time(range, row.resolvedAt()),
        row.resolvedAt() == null ? "" : who(row.resolverId(), names), row.status(), Long.toString(row.messagesReceived()),
        Long.toString(row.messagesSent())));
  }

  static String line(List<String> cells) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        line.append(',');
      }
      line.append(cell(cells.get(i)));
    }
    return line.append("\r\n").toString();
  }

  /** One cell, defused against formulas, then quoted when RFC 4180 requires it. */
  static String cell(String value) {
    String text = value == null ? "" : value;
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }

  private static String who(UUID memberId, Map<UUID, String> names) {
    return memberId == null ? AgentReport.API : names.getOrDefault(memberId, memberId.toString());
  }

  private static String time(ReportRange range, java.time.Instant time) {
    return time == null ? "" : range.format(time);
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }
}
