package io.convot.web.helpsite;

import io.convot.common.Html;
import io.convot.helpcenter.SearchHit;

/** A search snippet as HTML: its text escaped, and the matched words (between the markers) in {@code <mark>}. */
public final class Snippets {

  private Snippets() {}

  public static String html(String snippet) {
    return Html.escape(snippet).replace(String.valueOf(SearchHit.MARK_START), "<mark>")
        .replace(String.valueOf(SearchHit.MARK_END), "</mark>");
  }
}
