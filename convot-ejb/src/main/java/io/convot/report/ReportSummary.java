package io.convot.report;

import java.util.List;

/**
 * The figures of a range: conversations created, resolutions, visitor messages received and replies
 * sent (notes and deleted messages left out), conversations created without a reply yet, first
 * response and resolution times, and the series per day or week, empty entries included.
 */
public record ReportSummary(
    String from,
    String to,
    String tz,
    long conversationsCreated,
    long conversationsResolved,
    long messagesReceived,
    long messagesSent,
    long unanswered,
    Timing firstResponse,
    Timing resolution,
    List<Entry> series) {

  /** One day or week, from {@code start} (midnight, or Monday's, in the zone; the range's start for the first). */
  public record Entry(String start, long conversationsCreated, long conversationsResolved, long messagesReceived,
      long messagesSent, Double firstResponseMedianSeconds) {}
}
