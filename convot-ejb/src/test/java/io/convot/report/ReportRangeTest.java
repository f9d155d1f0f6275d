package io.convot.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.convot.common.ConvotException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Report ranges in a zone, their series' entries across a daylight-saving change, their refusals, and the CSV's cells. */
class ReportRangeTest {

  private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

  @Test
  void theDefaultIsTheLastThirtyDaysTodayIncluded() {
    ReportRange range = ReportRange.parse(null, null, "Europe/Paris", null, true, NOW);
    assertEquals(Instant.parse("2026-11-21T23:00:00Z"), range.to());
    assertEquals(Instant.parse("2026-10-22T22:00:00Z"), range.from());
    assertEquals(30, range.bucketStarts().size());
  }

  @Test
  void daysAreTheZonesDaysAcrossADaylightSavingChange() {
    ReportRange range = ReportRange.parse("2026-10-24", "2026-10-27", "Europe/Paris", "day", true, NOW);
    assertEquals(List.of(Instant.parse("2026-10-23T22:00:00Z"), Instant.parse("2026-10-24T22:00:00Z"),
        Instant.parse("2026-10-25T23:00:00Z")), range.bucketStarts());
    assertEquals("2026-10-25T00:00:00+02:00", range.format(range.bucketStarts().get(1)));
  }

  @Test
  void weeksStartOnMondayTheFirstAtTheRangesStart() {
    ReportRange range = ReportRange.parse("2026-11-04", "2026-11-17", "UTC", "week", true, NOW);
    assertEquals(List.of(Instant.parse("2026-11-04T00:00:00Z"), Instant.parse("2026-11-09T00:00:00Z"),
        Instant.parse("2026-11-16T00:00:00Z")), range.bucketStarts());
  }

  @Test
  void badValuesAreFieldErrors() {
    assertField("tz", () -> ReportRange.parse(null, null, "Mars/Olympus", null, true, NOW));
    assertField("interval", () -> ReportRange.parse(null, null, null, "month", true, NOW));
    assertField("from", () -> ReportRange.parse("yesterday", null, null, null, true, NOW));
    assertField("to", () -> ReportRange.parse("2026-11-02", "2026-11-01", null, null, true, NOW));
    assertField("to", () -> ReportRange.parse("2025-01-01", "2026-01-03", null, null, true, NOW));
    ReportRange.parse("2025-01-01", "2026-01-02", null, null, true, NOW); // 366 days
  }

  @Test
  void cellsAreQuotedAndDefused() {
    assertEquals("plain", ConversationCsv.cell("plain"));
    assertEquals("\"a,b\"", ConversationCsv.cell("a,b"));
    assertEquals("\"say \"\"hi\"\"\"", ConversationCsv.cell("say \"hi\""));
    assertEquals("'=1+1", ConversationCsv.cell("=1+1"));
    assertEquals("\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"", ConversationCsv.cell("=HYPERLINK(\"x\",\"y\")"));
    assertEquals("'@sum", ConversationCsv.cell("@sum"));
    assertEquals("'-2", ConversationCsv.cell("-2"));
    assertEquals("'+33 1", ConversationCsv.cell("+33 1"));
    assertEquals("\"two\nlines\"", ConversationCsv.cell("two\nlines"));
  }

  private static void assertField(String field, Runnable parse) {
    ConvotException refused = assertThrows(ConvotException.class, parse::run);
    assertEquals(field, refused.fieldErrors().get(0).field(), refused.fieldErrors().toString());
  }
}
