package io.convot.helpcenter;

import java.util.UUID;

/**
 * One search result: the article, and a snippet of its body in which {@link #MARK_START} and
 * {@link #MARK_END} (control characters an article's text never holds) surround what matched.
 */
public record SearchHit(UUID id, String title, String slug, String locale, String category, String snippet, double rank) {

  public static final char MARK_START = '\u0002';
  public static final char MARK_END = '\u0003';

  /** The snippet as plain text. */
  public String plainSnippet() {
    return snippet.replace(String.valueOf(MARK_START), "").replace(String.valueOf(MARK_END), "");
  }
}
