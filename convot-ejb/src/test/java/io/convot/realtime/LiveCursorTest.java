package io.convot.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.common.JsonText;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A cursor holds a time, reads back exactly, and anything else reads as nothing. */
class LiveCursorTest {

  @Test
  void aCursorReadsBackToItsTimeToTheMicrosecond() {
    Instant time = Instant.parse("2026-03-01T10:15:30.123456Z");

    assertEquals(Optional.of(time), LiveCursor.read(LiveCursor.at(time)));
    assertTrue(LiveCursor.at(time).matches("[A-Za-z0-9_-]+"), "URL-safe, no padding");
  }

  @Test
  void whatItDidNotWriteReadsAsNothing() {
    for (String garbage : new String[] {"", "garbage", "!!!", "MjAyNi0wMS0wMVQwMDowMDowMFo", "Mi4xMjM", "MS4", "MS54",
        "MS45OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OQ", "MS4tOTk5OTk5OTk5OTk5OTk5OTk"}) {
      assertFalse(LiveCursor.read(garbage).isPresent(), garbage);
    }
  }

  @Test
  void stampingAddsTheCursorAndKeepsEverythingElse() {
    JsonObject frame = JsonText.readObject(LiveCursor.stamp("{\"type\":\"message\",\"message\":{\"text\":\"<b>hi</b>\"}}", "abc"));

    assertEquals("message", frame.getString("type"));
    assertEquals("<b>hi</b>", frame.getJsonObject("message").getString("text"));
    assertEquals("abc", frame.getString("cursor"));
  }
}
