package io.convot.helpcenter;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Article Markdown to HTML with commonmark-java (CommonMark plus GitHub tables), then through the
 * OWASP Java HTML Sanitizer: raw HTML in the Markdown is allowed only as far as the policy allows
 * it, so no script, event handler, {@code style}, frame or {@code javascript:} URL survives, and
 * links leave with {@code rel} {@code nofollow noopener noreferrer}. Both libraries are thread-safe.
 */
public final class MarkdownRenderer {

  private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
  private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
  private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS).sanitizeUrls(true).build();

  private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
      .allowElements("p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "code", "em",
          "strong", "b", "i", "del", "s", "hr", "br", "table", "thead", "tbody", "tr", "th", "td", "a", "img", "kbd", "sup", "sub",
          "dl", "dt", "dd")
      .allowUrlProtocols("http", "https", "mailto")
      .allowAttributes("href", "title").onElements("a")
      .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
      .allowAttributes("src", "alt", "title").onElements("img")
      // An image written in raw HTML without alt is taken as decorative: screen readers skip it rather than read its URL.
      .allowElements((name, attributes) -> {
        if (!attributes.contains("alt")) {
          attributes.add("alt");
          attributes.add("");
        }
        return name;
      }, "img")
      .allowAttributes("align").matching(Pattern.compile("left|center|right")).onElements("th", "td")
      .allowAttributes("start").matching(Pattern.compile("[0-9]{1,6}")).onElements("ol")
      .allowAttributes("class").matching(Pattern.compile("language-[A-Za-z0-9_+#-]{1,40}")).onElements("code")
      .toFactory();

  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern BLOCK_END = Pattern.compile("</(p|h[1-6]|li|pre|blockquote|tr|td|th|dt|dd)>|<br\\s*/?>|<hr\\s*/?>");
  private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#x[0-9a-fA-F]{1,6}|amp|lt|gt|quot|apos|nbsp);");
  /** Control characters other than tab and newline: kept out of the indexed text (search snippets use two as markers). */
  private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B-\\x1F\\x7F]");

  private MarkdownRenderer() {}

  public static RenderedBody render(String markdown) {
    Node document = PARSER.parse(markdown == null ? "" : markdown);
    String html = POLICY.sanitize(RENDERER.render(document));
    return new RenderedBody(html, text(html));
  }

  /** The words a reader sees in sanitized HTML, blocks separated by new lines. */
  static String text(String html) {
    String spaced = BLOCK_END.matcher(html).replaceAll("$0\n");
    String text = TAG.matcher(spaced).replaceAll("");
    Matcher entities = ENTITY.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (entities.find()) {
      entities.appendReplacement(out, Matcher.quoteReplacement(decode(entities.group(1))));
    }
    entities.appendTail(out);
    return CONTROL.matcher(out).replaceAll(" ").replaceAll("[ \\t]+", " ").replaceAll("\\s*\\n\\s*", "\n").strip();
  }

  private static String decode(String entity) {
    return switch (entity) {
      case "amp" -> "&";
      case "lt" -> "<";
      case "gt" -> ">";
      case "quot" -> "\"";
      case "apos" -> "'";
      case "nbsp" -> " ";
      default -> {
        int codePoint = entity.startsWith("#x") ? Integer.parseInt(entity.substring(2), 16) : Integer.parseInt(entity.substring(1));
        yield Character.isValidCodePoint(codePoint) && !Character.isSurrogate((char) codePoint) && codePoint != 0
            ? new String(Character.toChars(codePoint)) : " ";
      }
    };
  }
}
