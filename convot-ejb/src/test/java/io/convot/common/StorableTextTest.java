package io.convot.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StorableTextTest {

  @ParameterizedTest
  @ValueSource(strings = {"", "plain", "caf\u00e9", "\ud83d\ude00 emoji", "\u200b zero width", "<script>", "tab\tand\nnewline", "\ufffd"})
  void acceptsAnyRealText(String text) {
    assertTrue(StorableText.isStorable(text), text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\u0000b", "\u0000", "lone \ud800", "lone \udc00 low", "reversed \ude00\ud83d", "end \ud83d",
      "\ufffe", "\uffff", "\ufdd0", "\ufdef", "\ud83f\udffe", "\udbff\udfff"})
  void refusesNulSurrogatesAndNonCharacters(String text) {
    assertFalse(StorableText.isStorable(text), text);
  }

  @Test
  void namesTheFirstBadCharacterAndPrintsTextSafely() {
    assertEquals(3, StorableText.firstUnstorable("abc\u0000\u0000"));
    assertEquals(-1, StorableText.firstUnstorable("\ud83d\ude00"));
    assertEquals("a\ufffdb\ufffd\ud83d\ude00", StorableText.printable("a\u0000b\ud800\ud83d\ude00"));
  }

  @Test
  void acceptsTimesWithFourDigitYearsOnly() {
    assertTrue(Timestamps.isAccepted(Instant.parse("0001-01-01T00:00:00Z")));
    assertTrue(Timestamps.isAccepted(Instant.parse("9999-12-31T23:59:59.999999Z")));
    assertTrue(Timestamps.isAccepted(Timestamps.now()));
    assertFalse(Timestamps.isAccepted(Instant.parse("+10000-01-01T00:00:00Z")));
    assertFalse(Timestamps.isAccepted(Instant.parse("+999999999-12-31T23:59:59Z")));
    assertFalse(Timestamps.isAccepted(Instant.parse("-0001-12-31T23:59:59Z")));
  }
}
