package io.convot.web.helpsite;

import io.convot.common.Html;
import io.convot.helpcenter.Article;
import io.convot.helpcenter.HelpSite;
import io.convot.helpcenter.SearchHit;
import io.convot.web.asset.Asset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The help center's pages as HTML text. Every value is escaped with {@link Html#escape}; the one
 * piece of markup that is not is an article's body, which was sanitized when it was saved. The
 * style sheet is inline and allowed by its hash, and the pages run no script at all.
 */
final class HelpPages {

  private static final String DEFAULT_COLOR = "#2563eb";
  private static final Pattern COLOR = Pattern.compile("^#[0-9a-f]{6}$");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
  private static final String GENERAL = "General";

  /** A page: its HTML and the content security policy that lets its style sheet (and nothing else) in. */
  record Page(String html, String contentSecurityPolicy) {}

  private HelpPages() {}

  static Page home(HelpSite.Site site, HelpLinks links, HelpLinks canonical, List<Article> articles) {
    Map<String, List<Article>> byCategory = new LinkedHashMap<>();
    articles.stream().filter(a -> a.category() != null)
        .forEach(a -> byCategory.computeIfAbsent(a.category(), k -> new ArrayList<>()).add(a));
    articles.stream().filter(a -> a.category() == null)
        .forEach(a -> byCategory.computeIfAbsent(GENERAL, k -> new ArrayList<>()).add(a));
    boolean severalLocales = articles.stream().map(Article::locale).distinct().count() > 1;
    StringBuilder main = new StringBuilder("<h1>How can we help?</h1>\n");
    if (articles.isEmpty()) {
      main.append("<p class=\"muted\">No articles yet.</p>\n");
    }
    byCategory.forEach((category, list) -> {
      main.append("<section class=\"category\">\n<h2>").append(Html.escape(category)).append("</h2>\n<ul class=\"articles\">\n");
      for (Article article : list) {
        main.append("<li><a href=\"").append(Html.escape(links.article(article.locale(), article.slug()))).append("\">")
            .append(Html.escape(article.title())).append("</a>");
        if (severalLocales) {
          main.append(" <span class=\"locale\" lang=\"").append(Html.escape(article.locale())).append("\">")
              .append(Html.escape(article.locale())).append("</span>");
        }
        main.append("<p>").append(Html.escape(article.summary(140))).append("</p></li>\n");
      }
      main.append("</ul>\n</section>\n");
    });
    String description = site.name() + " help center: answers to common questions"
        + (articles.isEmpty() ? "." : ", " + articles.size() + (articles.size() == 1 ? " article." : " articles."));
    return page(site, links, "en", "Help center", description, canonical.home(), null, false, main.toString());
  }

  static Page article(HelpSite.Site site, HelpLinks links, HelpLinks canonical, Article article) {
    StringBuilder main = new StringBuilder("<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"")
        .append(Html.escape(links.home())).append("\">Help center</a> <span aria-hidden=\"true\">›</span> ")
        .append(Html.escape(article.category() == null ? GENERAL : article.category())).append("</nav>\n")
        .append("<article>\n<h1>").append(Html.escape(article.title())).append("</h1>\n")
        .append("<p class=\"muted\">Updated <time datetime=\"").append(article.updatedAt()).append("\">")
        .append(DAY.format(article.updatedAt())).append("</time></p>\n")
        .append("<div class=\"body\">\n").append(article.bodyHtml()).append("\n</div>\n</article>\n");
    return page(site, links, article.locale(), article.title(), article.summary(160),
        canonical.article(article.locale(), article.slug()), null, false, main.toString());
  }

  static Page search(HelpSite.Site site, HelpLinks links, HelpLinks canonical, String query, List<SearchHit> hits) {
    StringBuilder main = new StringBuilder();
    if (query.isBlank()) {
      main.append("<h1>Search</h1>\n<p class=\"muted\">Type a few words to find an article.</p>\n");
    } else {
      main.append("<h1>Results for “").append(Html.escape(query)).append("”</h1>\n");
      if (hits.isEmpty()) {
        main.append("<p class=\"muted\">No article matches “").append(Html.escape(query)).append("”.</p>\n");
      } else {
        main.append("<ol class=\"results\">\n");
        for (SearchHit hit : hits) {
          main.append("<li><a href=\"").append(Html.escape(links.article(hit.locale(), hit.slug()))).append("\">")
              .append(Html.escape(hit.title())).append("</a><p>").append(Snippets.html(hit.snippet())).append("</p></li>\n");
        }
        main.append("</ol>\n");
      }
    }
    return page(site, links, "en", query.isBlank() ? "Search" : "Search: " + query, "Search the " + site.name() + " help center.",
        canonical.search(null), query, true, main.toString());
  }

  static Page notFound(HelpSite.Site site, HelpLinks links) {
    String main = "<h1>This page does not exist</h1>\n<p>The article may have moved or been unpublished. <a href=\""
        + Html.escape(links.home()) + "\">See every article</a> or search above.</p>\n";
    return page(site, links, "en", "Page not found", "This page does not exist.", null, null, true, main);
  }

  /** The page of a help center that is unknown (or not served on this host): no app name, no color. */
  static Page unknown() {
    String css = style(DEFAULT_COLOR);
    String html = "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"robots\" content=\"noindex\">\n"
        + "<title>Help center not found</title>\n<style>" + css + "</style>\n</head>\n<body>\n<main class=\"wrap\">\n"
        + "<h1>Help center not found</h1>\n<p>There is no help center at this address.</p>\n</main>\n</body>\n</html>\n";
    return new Page(html, policy(css));
  }

  static String sitemap(HelpLinks canonical, List<Article> articles, Instant lastChange) {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n")
        .append("<url><loc>").append(Html.escape(canonical.home())).append("</loc>");
    if (lastChange != null) {
      xml.append("<lastmod>").append(lastChange).append("</lastmod>");
    }
    xml.append("</url>\n");
    for (Article article : articles) {
      xml.append("<url><loc>").append(Html.escape(canonical.article(article.locale(), article.slug()))).append("</loc><lastmod>")
          .append(article.updatedAt()).append("</lastmod></url>\n");
    }
    return xml.append("</urlset>\n").toString();
  }

  private static Page page(HelpSite.Site site, HelpLinks links, String lang, String title, String description, String canonical,
      String query, boolean noindex, String main) {
    String color = site.themeColor() != null && COLOR.matcher(site.themeColor()).matches() ? site.themeColor() : DEFAULT_COLOR;
    String css = style(color);
    StringBuilder html = new StringBuilder("<!doctype html>\n<html lang=\"").append(Html.escape(lang)).append("\">\n<head>\n")
        .append("<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(Html.escape(title)).append(" · ").append(Html.escape(site.name())).append(" Help Center</title>\n")
        .append("<meta name=\"description\" content=\"").append(Html.escape(description)).append("\">\n");
    if (canonical != null) {
      html.append("<link rel=\"canonical\" href=\"").append(Html.escape(canonical)).append("\">\n");
    }
    if (noindex) {
      html.append("<meta name=\"robots\" content=\"noindex\">\n");
    }
    html.append("<meta name=\"theme-color\" content=\"").append(color).append("\">\n")
        .append("<style>").append(css).append("</style>\n</head>\n<body>\n")
        .append("<header class=\"top\">\n<div class=\"wrap\">\n<a class=\"brand\" href=\"").append(Html.escape(links.home()))
        .append("\">").append(Html.escape(site.name())).append(" Help Center</a>\n")
        .append("<form class=\"search\" role=\"search\" method=\"get\" action=\"").append(Html.escape(links.search(null)))
        .append("\">\n<label for=\"q\">Search articles</label>\n<input id=\"q\" name=\"q\" type=\"search\" maxlength=\"200\" value=\"")
        .append(Html.escape(query == null ? "" : query)).append("\" placeholder=\"Search articles…\">\n")
        .append("<button type=\"submit\">Search</button>\n</form>\n</div>\n</header>\n")
        .append("<main class=\"wrap\">\n").append(main).append("</main>\n")
        .append("<footer class=\"wrap muted\">Powered by Convot</footer>\n</body>\n</html>\n");
    return new Page(html.toString(), policy(css));
  }

  private static String policy(String css) {
    String hash = Base64.getEncoder().encodeToString(Asset.digest(css.getBytes(StandardCharsets.UTF_8)));
    return "default-src 'none'; style-src 'sha256-" + hash + "'; img-src 'self' https: data:; form-action 'self'; base-uri 'none';"
        + " frame-ancestors 'none'";
  }

  /** Text on the theme color, and links on white: dark where the theme color is too light to read against. */
  private static String style(String color) {
    int rgb = Integer.parseInt(color.substring(1), 16);
    double luminance = (0.299 * (rgb >> 16) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff)) / 255;
    String onTheme = luminance > 0.6 ? "#1f2328" : "#fff";
    String link = luminance > 0.45 ? "#1f2328" : color;
    return ":root{--theme:" + color + ";--on-theme:" + onTheme + ";--link:" + link + ";--text:#1f2328;--muted:#59636e;--line:#d8dee4}"
        + "*{box-sizing:border-box}"
        + "body{margin:0;font:16px/1.6 system-ui,-apple-system,\"Segoe UI\",Roboto,Arial,sans-serif;color:var(--text)}"
        + ".wrap{max-width:860px;margin:0 auto;padding:0 1.25rem}"
        + ".top{background:var(--theme);color:var(--on-theme);padding:1.25rem 0 1.5rem;margin-bottom:2rem}"
        + ".brand{color:var(--on-theme);font-weight:700;font-size:1.2rem;text-decoration:none}"
        + ".search{display:flex;gap:.5rem;margin-top:1rem;flex-wrap:wrap}"
        + ".search label{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}"
        + ".search input{flex:1;min-width:12rem;padding:.6rem .8rem;border:0;border-radius:8px;font:inherit}"
        + ".search button{padding:.6rem 1rem;border:2px solid var(--on-theme);border-radius:8px;background:transparent;color:var(--on-theme);font:inherit;cursor:pointer}"
        + "a{color:var(--link)}h1{line-height:1.25}"
        + ".articles,.results{list-style:none;padding:0}"
        + ".articles li,.results li{padding:.75rem 0;border-bottom:1px solid var(--line)}"
        + ".articles p,.results p{margin:.25rem 0 0;color:var(--muted)}"
        + ".locale{font-size:.8rem;border:1px solid var(--line);border-radius:4px;padding:0 .3rem;color:var(--muted)}"
        + "mark{background:#fff3b0;color:inherit;padding:0 .1em}"
        + ".muted{color:var(--muted)}.crumbs{color:var(--muted);font-size:.9rem}"
        + ".body img{max-width:100%}.body pre{overflow:auto;background:#f6f8fa;padding:1rem;border-radius:6px}"
        + ".body table{border-collapse:collapse}.body th,.body td{border:1px solid var(--line);padding:.4rem .6rem}"
        + "footer{margin:3rem auto 2rem;font-size:.85rem}"
        + "a:focus-visible,input:focus-visible,button:focus-visible{outline:3px solid #ffbf47;outline-offset:2px}";
  }
}
