package io.convot.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ResponseExcerptTest {

  @Test
  void keepsShortUtf8AsIs() {
    assertEquals("{\"ok\":\"grüße 👋\"}", ResponseExcerpt.of("{\"ok\":\"grüße 👋\"}".getBytes(StandardCharsets.UTF_8)));
    assertEquals("", ResponseExcerpt.of(new byte[0]));
  }

  @Test
  void dropsAFourByteCharacterCutInTheMiddle() {
    byte[] emoji = "👋".getBytes(StandardCharsets.UTF_8);

    assertEquals("ab", ResponseExcerpt.of(new byte[] {'a', 'b', emoji[0], emoji[1], emoji[2]}));
  }

  @Test
  void replacesInvalidBytesAndNulThatPostgresRefuses() {
    assertEquals("a\uFFFDb\uFFFDc", ResponseExcerpt.of(new byte[] {'a', (byte) 0xff, 'b', 0, 'c'}));
  }

  @Test
  void neverExceedsOneKilobyteEvenWhenReplacementsGrowIt() {
    byte[] invalid = new byte[1024];
    Arrays.fill(invalid, (byte) 0xff);

    String excerpt = ResponseExcerpt.of(invalid);

    assertEquals(341, excerpt.length()); // three bytes per U+FFFD
    assertTrue(excerpt.getBytes(StandardCharsets.UTF_8).length <= 1024);
  }
}
