package io.convot.report;

import io.convot.common.FieldError;
import io.convot.common.Timestamps;
import io.convot.common.Validation;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A report's range {@code [from, to)} in a time zone, and how its series is cut (per day or per
 * ISO week, Monday to Monday, in that zone). Dates are midnight in the zone; the default is the last
 * 30 days, today included ({@code to} is the coming midnight); a range is at most 366 days.
 */
public record ReportRange(Instant from, Instant to, ZoneId zone, Interval interval) {

  public enum Interval { day, week }

  public static final int DEFAULT_DAYS = 30;
  public static final int MAX_DAYS = 366;

  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  /**
   * Reads the query's values (null when absent), reporting every unusable one as a field error at
   * once. {@code interval} is read only when {@code withInterval}.
   */
  public static ReportRange parse(String from, String to, String tz, String interval, boolean withInterval, Instant now) {
    Validation validation = new Validation();
    ZoneId zone = zone(tz, validation);
    Interval cut = Interval.day;
    if (withInterval && interval != null && !interval.isBlank()) {
      try {
        cut = Interval.valueOf(interval.trim());
      } catch (IllegalArgumentException e) {
        validation.add(new FieldError("interval", "invalid_value", "interval must be day or week"));
      }
    }
    ZoneId in = zone == null ? ZoneId.of("UTC") : zone;
    Instant start = time("from", from, in, validation);
    Instant end = time("to", to, in, validation);
    validation.throwIfInvalid();

    boolean toGiven = end != null;
    if (end == null) {
      end = LocalDate.ofInstant(now, in).plusDays(1).atStartOfDay(in).toInstant();
    }
    if (start == null) {
      start = end.atZone(in).minusDays(DEFAULT_DAYS).toInstant();
    }
    String field = toGiven ? "to" : "from";
    if (!end.isAfter(start)) {
      validation.add(new FieldError(field, "empty_range", "to must be after from"));
    } else if (end.isAfter(start.atZone(in).plusDays(MAX_DAYS).toInstant())) {
      validation.add(new FieldError(field, "range_too_long", "a range is at most " + MAX_DAYS + " days"));
    }
    validation.throwIfInvalid();
    return new ReportRange(start, end, in, cut);
  }

  /** The starts of the series' entries: {@code from}, then each midnight (or Monday's) before {@code to}. */
  public List<Instant> bucketStarts() {
    List<Instant> starts = new ArrayList<>();
    starts.add(from);
    ZonedDateTime local = from.atZone(zone);
    ZonedDateTime next = local.toLocalDate().plusDays(1).atStartOfDay(zone);
    if (interval == Interval.week) {
      next = local.toLocalDate().with(TemporalAdjusters.next(DayOfWeek.MONDAY)).atStartOfDay(zone);
    }
    while (next.toInstant().isBefore(to)) {
      starts.add(next.toInstant());
      LocalDate day = next.toLocalDate().plusDays(interval == Interval.week ? 7 : 1);
      next = day.atStartOfDay(zone);
    }
    return starts;
  }

  /** A time as the report writes it: ISO-8601 in the report's zone, with its offset. */
  public String format(Instant time) {
    return time == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.atZone(zone).toOffsetDateTime());
  }

  public String tz() {
    return zone.getId();
  }

  private static ZoneId zone(String tz, Validation validation) {
    if (tz == null || tz.isBlank()) {
      return ZoneId.of("UTC");
    }
    String id = tz.trim();
    if (!ZoneId.getAvailableZoneIds().contains(id)) {
      validation.add(new FieldError("tz", "unknown_zone", "tz must be an IANA time zone such as Europe/Paris"));
      return null;
    }
    return ZoneId.of(id);
  }

  private static Instant time(String field, String value, ZoneId zone, Validation validation) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String text = value.trim();
    Instant time;
    try {
      time = DATE.matcher(text).matches() ? LocalDate.parse(text).atStartOfDay(zone).toInstant() : OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      validation.add(new FieldError(field, "invalid_time",
          field + " must be a date such as 2026-11-01 or an ISO-8601 time with its offset such as 2026-11-01T09:00:00Z"));
      return null;
    }
    if (!Timestamps.isAccepted(time)) {
      validation.add(new FieldError(field, "out_of_range", field + " must be between " + Timestamps.EARLIEST + " and " + Timestamps.LATEST));
      return null;
    }
    return time;
  }
}
