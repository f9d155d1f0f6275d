package io.convot.webhook;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** The start of a response body as the delivery log shows it: text of at most 1 KB in UTF-8. */
final class ResponseExcerpt {

  static final int MAX_BYTES = 1024;

  private static final int REPLACEMENT = 0xFFFD;

  private ResponseExcerpt() {}

  /**
   * Decodes {@code head} as UTF-8. A character cut at the end is dropped; bytes that are not UTF-8
   * and NUL (which a PostgreSQL text column refuses) become U+FFFD, and since that takes three
   * bytes, the result is trimmed again to fit {@link #MAX_BYTES}.
   */
  static String of(byte[] head) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
    CharBuffer decoded = CharBuffer.allocate(head.length);
    // Not the end of input: a trailing, incomplete character stays undecoded instead of replaced.
    decoder.decode(ByteBuffer.wrap(head), decoded, false);
    decoded.flip();

    StringBuilder excerpt = new StringBuilder(decoded.length());
    int bytes = 0;
    for (int codePoint : decoded.codePoints().toArray()) {
      int kept = codePoint == 0 ? REPLACEMENT : codePoint;
      bytes += utf8Length(kept);
      if (bytes > MAX_BYTES) {
        break;
      }
      excerpt.appendCodePoint(kept);
    }
    return excerpt.toString();
  }

  private static int utf8Length(int codePoint) {
    return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
  }
}
