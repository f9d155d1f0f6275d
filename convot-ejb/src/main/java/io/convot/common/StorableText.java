package io.convot.common;

/**
 * Text that can be stored and looked up: PostgreSQL refuses NUL in text, an unpaired surrogate is
 * not a character at all (it cannot be encoded as UTF-8), and Unicode's non-characters
 * (U+FDD0-U+FDEF, U+xxFFFE, U+xxFFFF) are reserved for a program's internal use, never interchange.
 */
public final class StorableText {

  public static final String PROBLEM = "contains a character that cannot be stored (NUL, an unpaired surrogate or a non-character)";

  private StorableText() {}

  public static boolean isStorable(String text) {
    return text == null || firstUnstorable(text) < 0;
  }

  /** The index of the first character that cannot be stored, or -1. */
  public static int firstUnstorable(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 0) {
        return i;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return i;
        }
        if (isNonCharacter(text.codePointAt(i))) {
          return i;
        }
        i++;
      } else if (Character.isLowSurrogate(c) || isNonCharacter(c)) {
        return i;
      }
    }
    return -1;
  }

  /** The text with every unstorable character replaced by U+FFFD, to name a bad field or value safely. */
  public static String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
          && !isNonCharacter(text.codePointAt(i))) {
        out.append(c).append(text.charAt(++i));
      } else if (c == 0 || Character.isSurrogate(c) || isNonCharacter(c)) {
        out.append('\uFFFD');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isNonCharacter(int codePoint) {
    return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
  }
}
