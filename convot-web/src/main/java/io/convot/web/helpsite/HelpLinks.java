package io.convot.web.helpsite;

import io.convot.helpcenter.HelpSite;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where a help center's pages live: on its verified custom domain when it has one
 * ({@code https://help.example.com/en/refunds}), else under Convot's own address
 * ({@code https://chat.example.com/help/app_xxx/en/refunds}). Canonical links always name the
 * custom domain once verified, so search engines index one address per article.
 */
public record HelpLinks(String root) {

  /** The links of {@code site} as served from {@code origin} ({@code https://host}, no final slash). */
  public static HelpLinks canonical(HelpSite.Site site, String origin) {
    return site.customHost() != null ? new HelpLinks("https://" + site.customHost() + "/") : underConvot(site, origin);
  }

  public static HelpLinks underConvot(HelpSite.Site site, String origin) {
    return new HelpLinks(origin + "/help/" + encode(site.appKey()) + "/");
  }

  public String home() {
    return root;
  }

  public String article(String locale, String slug) {
    return root + encode(locale) + "/" + encode(slug);
  }

  public String search(String query) {
    return root + "search" + (query == null ? "" : "?q=" + encode(query));
  }

  public String sitemap() {
    return root + "sitemap.xml";
  }

  static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
