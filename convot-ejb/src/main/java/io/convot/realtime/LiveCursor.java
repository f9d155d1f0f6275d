package io.convot.realtime;

import io.convot.common.Timestamps;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;

/**
 * Where an agent's live connection is in the stream of updates: a time on the clock of the server
 * that sent the frame, opaque to clients. A reconnecting dashboard hands back the last one it saw
 * and catches up from there; it holds nothing but that time, which is the client's to know.
 */
public final class LiveCursor {

  /** The form of the cursor, so that another form can come later and older cursors still be told apart. */
  private static final String VERSION = "1.";

  private LiveCursor() {}

  public static String at(Instant time) {
    String raw = VERSION + ChronoUnit.MICROS.between(Instant.EPOCH, time);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
  }

  /** The time a cursor holds, or empty for anything this class did not write (or a time out of Convot's range). */
  public static Optional<Instant> read(String cursor) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
      if (!raw.startsWith(VERSION)) {
        return Optional.empty();
      }
      Instant time = Instant.EPOCH.plus(Long.parseLong(raw.substring(VERSION.length())), ChronoUnit.MICROS);
      return Timestamps.isAccepted(time) ? Optional.of(time) : Optional.empty();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The frame {@code frame} (a JSON object's text) with {@code "cursor"} added as its last member. */
  public static String stamp(String frame, String cursor) {
    String object = frame.stripTrailing();
    if (!object.endsWith("}")) {
      throw new IllegalArgumentException("not a JSON object: " + frame);
    }
    String head = object.substring(0, object.length() - 1).stripTrailing();
    // A cursor is base64url: nothing in it needs escaping.
    return head + (head.endsWith("{") ? "" : ",") + "\"cursor\":\"" + cursor + "\"}";
  }
}
