package io.convot.app;

import io.convot.common.FieldError;
import io.convot.common.JsonText;
import io.convot.common.Validation;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * When a team answers: a time zone and, per weekday, opening intervals
 * ({@code {"timezone": "Europe/Paris", "days": {"mon": [["09:00", "17:30"]], ...}}}). Days not
 * listed are closed. Outside these hours the widget tells visitors the team replies by email.
 */
public record OfficeHours(ZoneId zone, Map<DayOfWeek, List<LocalTime[]>> days) {

  private static final List<String> DAY_KEYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

  public boolean isOpenAt(Instant instant) {
    ZonedDateTime local = instant.atZone(zone);
    LocalTime time = local.toLocalTime();
    return days.getOrDefault(local.getDayOfWeek(), List.of()).stream()
        .anyMatch(interval -> !time.isBefore(interval[0]) && time.isBefore(interval[1]));
  }

  /** Reads and checks the JSON form, reporting problems as field errors under {@code field}. */
  public static OfficeHours parse(JsonObject json, String field, Validation validation) {
    ZoneId zone = ZoneId.of("UTC");
    try {
      zone = ZoneId.of(json.getString("timezone"));
    } catch (DateTimeException | NullPointerException | ClassCastException e) {
      validation.add(new FieldError(field + ".timezone", "invalid_timezone", "an IANA time zone such as Europe/Paris"));
    }
    Map<DayOfWeek, List<LocalTime[]>> days = new EnumMap<>(DayOfWeek.class);
    JsonValue daysValue = json.get("days");
    if (!(daysValue instanceof JsonObject dayMap)) {
      validation.add(new FieldError(field + ".days", "wrong_type", "an object of weekdays (mon..sun) to [[\"09:00\", \"17:00\"], ...]"));
      return new OfficeHours(zone, days);
    }
    dayMap.forEach((key, intervals) -> {
      int index = DAY_KEYS.indexOf(key.toLowerCase(Locale.ROOT));
      if (index < 0 || !(intervals instanceof JsonArray list)) {
        validation.add(new FieldError(field + ".days." + key, "invalid_day", "a weekday (mon..sun) with a list of [open, close] times"));
        return;
      }
      List<LocalTime[]> parsed = new ArrayList<>();
      for (JsonValue interval : list) {
        LocalTime[] times = interval(interval);
        if (times == null) {
          validation.add(new FieldError(field + ".days." + key, "invalid_interval", "each interval is [\"HH:MM\", \"HH:MM\"] with open before close"));
        } else {
          parsed.add(times);
        }
      }
      days.put(DayOfWeek.of(index + 1), parsed);
    });
    return new OfficeHours(zone, days);
  }

  private static LocalTime[] interval(JsonValue value) {
    if (!(value instanceof JsonArray pair) || pair.size() != 2
        || !(pair.get(0) instanceof JsonString open) || !(pair.get(1) instanceof JsonString close)) {
      return null;
    }
    try {
      LocalTime from = LocalTime.parse(open.getString());
      LocalTime to = close.getString().equals("24:00") ? LocalTime.MAX : LocalTime.parse(close.getString());
      return from.isBefore(to) ? new LocalTime[] {from, to} : null;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  public JsonObject toJson() {
    JsonObjectBuilder dayMap = Json.createObjectBuilder();
    days.forEach((day, intervals) -> {
      JsonArrayBuilder list = Json.createArrayBuilder();
      intervals.forEach(interval -> list.add(Json.createArrayBuilder().add(format(interval[0])).add(format(interval[1]))));
      dayMap.add(DAY_KEYS.get(day.getValue() - 1), list);
    });
    return Json.createObjectBuilder().add("timezone", zone.getId()).add("days", dayMap).build();
  }

  private static String format(LocalTime time) {
    return time.equals(LocalTime.MAX) ? "24:00" : time.toString().substring(0, 5);
  }

  static OfficeHours fromStored(String stored) {
    return stored == null ? null : parse(JsonText.readObject(stored), "office_hours", new Validation());
  }
}
