package io.convot.web.widget;

import io.convot.common.ConvotException;
import io.convot.common.ErrorCode;
import io.convot.common.FieldError;
import io.convot.helpcenter.Article;
import io.convot.helpcenter.HelpSite;
import io.convot.helpcenter.Locales;
import io.convot.helpcenter.SearchHit;
import io.convot.web.helpsite.HelpLinks;
import io.convot.web.helpsite.Snippets;
import io.convot.widget.WidgetService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The help center from the chat frame: {@code GET /widget/v1/help/search?app_id=...&q=...} and an
 * article by id or by locale and slug (what {@code do helpdesk:article:open} names). Published
 * articles only; the app and the embedding origin are checked as for the config.
 */
@RateLimited
@Path("help")
@Produces(MediaType.APPLICATION_JSON)
public class HelpResource {

  private static final int DEFAULT_LIMIT = 8;
  private static final int MAX_LIMIT = 20;

  /** One result: {@code snippet_html} is escaped text in which only {@code <mark>} elements are markup. */
  public record HitView(UUID id, String title, String slug, String locale, String category, String snippet, String snippetHtml,
      String url) {}

  public record SearchView(List<HitView> data) {}

  /** An article to read in the frame: {@code body_html} is the sanitized rendering. */
  public record ArticleView(UUID id, String title, String slug, String locale, String category, String bodyHtml, String url,
      Instant updatedAt) {}

  @Inject WidgetService widget;
  @Inject HelpSite help;

  /** Whether the app's help center has anything to search: the frame shows its search field only then. */
  public record AvailabilityView(boolean available) {}

  @GET
  public AvailabilityView available(@QueryParam("app_id") String appKey) {
    return new AvailabilityView(help.hasPublished(site(appKey).ref()));
  }

  @GET
  @Path("search")
  public SearchView search(@QueryParam("app_id") String appKey, @QueryParam("q") String query,
      @QueryParam("locale") String locale, @QueryParam("limit") String limit, @Context UriInfo uri) {
    HelpSite.Site site = site(appKey);
    HelpLinks links = HelpLinks.canonical(site, origin(uri));
    List<SearchHit> hits = help.search(site.ref(), query, locale(locale), limit(limit));
    return new SearchView(hits.stream().map(hit -> new HitView(hit.id(), hit.title(), hit.slug(), hit.locale(), hit.category(),
        hit.plainSnippet(), Snippets.html(hit.snippet()), links.article(hit.locale(), hit.slug()))).toList());
  }

  @GET
  @Path("articles/{id}")
  public ArticleView article(@QueryParam("app_id") String appKey, @PathParam("id") UUID id, @Context UriInfo uri) {
    HelpSite.Site site = site(appKey);
    return view(help.article(site.ref(), id).orElseThrow(() -> ConvotException.notFound("Article")), site, uri);
  }

  @GET
  @Path("articles/{locale}/{slug}")
  public ArticleView article(@QueryParam("app_id") String appKey, @PathParam("locale") String locale,
      @PathParam("slug") String slug, @Context UriInfo uri) {
    HelpSite.Site site = site(appKey);
    String normalized = Locales.normalize(locale);
    Article article = normalized == null ? null : help.article(site.ref(), normalized, slug).orElse(null);
    if (article == null) {
      throw ConvotException.notFound("Article");
    }
    return view(article, site, uri);
  }

  private HelpSite.Site site(String appKey) {
    widget.config(appKey); // the app exists and this origin may embed it
    return help.site(help.byKey(appKey));
  }

  private static ArticleView view(Article article, HelpSite.Site site, UriInfo uri) {
    return new ArticleView(article.id(), article.title(), article.slug(), article.locale(), article.category(), article.bodyHtml(),
        HelpLinks.canonical(site, origin(uri)).article(article.locale(), article.slug()), article.updatedAt());
  }

  private static String origin(UriInfo uri) {
    URI base = uri.getBaseUri();
    return base.getScheme() + "://" + base.getRawAuthority();
  }

  private static String locale(String locale) {
    if (locale == null || locale.isBlank()) {
      return null;
    }
    String normalized = Locales.normalize(locale);
    if (normalized == null) {
      throw new ConvotException(ErrorCode.INVALID_PARAMETER, "locale is a language code, optionally with a region (en, pt-BR)",
          List.of(new FieldError("locale", "invalid_locale", "locale is a language code, optionally with a region (en, pt-BR)")));
    }
    return normalized;
  }

  private static int limit(String limit) {
    if (limit == null || limit.isBlank()) {
      return DEFAULT_LIMIT;
    }
    try {
      int value = Integer.parseInt(limit.trim());
      if (value >= 1 && value <= MAX_LIMIT) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConvotException(ErrorCode.INVALID_PARAMETER, "limit must be between 1 and " + MAX_LIMIT,
        List.of(new FieldError("limit", "out_of_range", "limit must be between 1 and " + MAX_LIMIT)));
  }
}
