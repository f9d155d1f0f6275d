package io.convot.helpcenter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

  @Test
  void rendersCommonMarkAndTables() {
    RenderedBody body = MarkdownRenderer.render("## Steps\n\n1. Open *Settings*\n2. Copy `app_key`\n\n| a | b |\n|:-:|---|\n| 1 | 2 |\n");
    assertTrue(body.html().contains("<h2>Steps</h2>"), body.html());
    assertTrue(body.html().contains("<em>Settings</em>"), body.html());
    assertTrue(body.html().contains("<code>app_key</code>"), body.html());
    assertTrue(body.html().contains("<th align=\"center\">a</th>"), body.html());
    assertEquals("Steps\nOpen Settings\nCopy app_key\na\nb\n1\n2", body.text());
  }

  @Test
  void nothingThatRunsSurvives() {
    List<String> attacks = List.of(
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
        "<iframe src=https://evil.test></iframe>",
        "<p style=\"background:url(javascript:alert(1))\">x</p>",
        "<svg><script>alert(1)</script></svg>",
        "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
        "<form action=https://evil.test><input name=x></form>",
        "<object data=x></object><embed src=x>",
        "![x](javascript:alert(1))",
        "<details open ontoggle=alert(1)>");
    for (String attack : attacks) {
      String html = MarkdownRenderer.render(attack).html().toLowerCase(Locale.ROOT);
      for (String bad : List.of("<script", "javascript:", " on", "<iframe", "style=", "<form", "<input", "<object", "<embed", "<svg", "<math")) {
        assertFalse(html.contains(bad), () -> attack + " left " + bad + " in " + html);
      }
    }
  }

  @Test
  void imagesAlwaysHaveAnAlternativeText() {
    assertEquals("<img src=\"https://cdn.example.com/a.png\" alt=\"\" />", MarkdownRenderer.render("<img src=\"https://cdn.example.com/a.png\">").html().strip());
    assertTrue(MarkdownRenderer.render("![Payout screen](https://cdn.example.com/b.png)").html().contains("alt=\"Payout screen\""));
  }

  @Test
  void linksLeaveWithoutTheReferrerOrTheOpener() {
    String html = MarkdownRenderer.render("[docs](https://docs.example.com/a?b=1&c=2)").html().strip();
    assertTrue(html.startsWith("<p><a href=\"https://docs.example.com/a?b&#61;1&amp;c&#61;2\" rel=\""), html);
    String rel = html.replaceAll("^.* rel=\"([^\"]*)\".*$", "$1");
    assertEquals(java.util.Set.of("nofollow", "noopener", "noreferrer"), java.util.Set.of(rel.split(" ")), html);
  }

  @Test
  void theTextIsWhatAReaderSeesWithoutControlCharacters() {
    assertEquals("Fish & chips < 5 €\nTabs and spaces collapse", MarkdownRenderer.render("Fish &amp; chips &lt; 5 &#8364;\n\nTabs\tand  spaces collapse\u0002").text());
  }
}
