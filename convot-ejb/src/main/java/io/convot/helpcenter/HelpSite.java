package io.convot.helpcenter;

import io.convot.app.App;
import io.convot.common.ConvotException;
import io.convot.common.ErrorCode;
import io.convot.common.Ids;
import io.convot.tenancy.Tenancy;
import io.convot.widget.AppKeys;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The public help center's reads, for the site and the widget: found by the app's public key or by
 * a verified custom hostname, inside the app's own organization, and only ever published articles.
 */
@Stateless
public class HelpSite {

  public static final int MAX_QUERY = 200;
  public static final int MAX_ARTICLES = 1000;

  /** A help center: its app, its organization. */
  public record SiteRef(UUID appId, UUID organizationId) {}

  /** What a page shows around articles: the app's name and color, and its verified custom host (or null). */
  public record Site(SiteRef ref, String appKey, String name, String themeColor, String customHost) {}

  @PersistenceContext(unitName = "convot")
  EntityManager em;

  @Inject AppKeys appKeys;
  @Inject Tenancy tenancy;

  public SiteRef byKey(String appKey) {
    AppKeys.AppRef app = appKeys.app(appKey);
    return new SiteRef(app.appId(), app.organizationId());
  }

  /** What a request's {@code Host} names: a help center verified there, or one merely set there (or nothing). */
  public record HostMatch(SiteRef site, boolean verified) {}

  public Optional<HostMatch> forHost(String hostname) {
    List<?> rows = em.createNativeQuery("SELECT app_id, organization_id, verified FROM convot_help_domain_by_host(?1)")
        .setParameter(1, hostname).getResultList();
    return rows.stream().findFirst().map(row -> (Object[]) row)
        .map(row -> new HostMatch(new SiteRef(Ids.uuid(row[0]), Ids.uuid(row[1])), Boolean.TRUE.equals(row[2])));
  }

  public Site site(SiteRef ref) {
    tenancy.enter(ref.organizationId());
    App app = Optional.ofNullable(em.find(App.class, ref.appId()))
        .orElseThrow(() -> new ConvotException(ErrorCode.UNKNOWN_APP, "No app has this app_id"));
    HelpDomain domain = em.find(HelpDomain.class, ref.appId());
    return new Site(ref, app.appKey(), app.name(), app.themeColor(), domain != null && domain.isVerified() ? domain.hostname() : null);
  }

  /** Every published article, by category then title (a help center's home lists them all). */
  public List<Article> published(SiteRef ref) {
    tenancy.enter(ref.organizationId());
    return em.createQuery("SELECT a FROM Article a WHERE a.appId = :app AND a.status = :published"
            + " ORDER BY a.category, a.title, a.id", Article.class)
        .setParameter("app", ref.appId()).setParameter("published", Article.Status.PUBLISHED.wire())
        .setMaxResults(MAX_ARTICLES).getResultList();
  }

  public boolean hasPublished(SiteRef ref) {
    tenancy.enter(ref.organizationId());
    return !em.createQuery("SELECT a.id FROM Article a WHERE a.appId = :app AND a.status = :published", UUID.class)
        .setParameter("app", ref.appId()).setParameter("published", Article.Status.PUBLISHED.wire()).setMaxResults(1)
        .getResultList().isEmpty();
  }

  public Optional<Article> article(SiteRef ref, String locale, String slug) {
    tenancy.enter(ref.organizationId());
    return em.createQuery("SELECT a FROM Article a WHERE a.appId = :app AND a.status = :published AND a.locale = :locale"
            + " AND a.slug = :slug", Article.class)
        .setParameter("app", ref.appId()).setParameter("published", Article.Status.PUBLISHED.wire())
        .setParameter("locale", locale).setParameter("slug", slug).getResultList().stream().findFirst();
  }

  public Optional<Article> article(SiteRef ref, UUID id) {
    tenancy.enter(ref.organizationId());
    Article article = em.find(Article.class, id);
    return Optional.ofNullable(article).filter(a -> a.appId().equals(ref.appId()) && a.isPublished());
  }

  /**
   * Published articles matching what was typed, best first: each article is searched with its own
   * language's configuration (and unstemmed), the last word as a prefix; a match in the title
   * outranks any match in the body only. {@code locale} narrows to one locale when given.
   */
  public List<SearchHit> search(SiteRef ref, String query, String locale, int limit) {
    tenancy.enter(ref.organizationId());
    if (query == null || query.isBlank()) {
      return List.of();
    }
    String text = query.length() > MAX_QUERY ? query.substring(0, MAX_QUERY) : query;
    String headline = "'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=28, MinWords=12, MaxFragments=2,"
        + " FragmentDelimiter=\" … \"'";
    String sql = "SELECT a.id, a.title, a.slug, a.locale, a.category,"
        + " ts_headline(a.search_config, a.body_text, q, " + headline + ") AS snippet,"
        + " ts_rank(a.search_vector, q) + CASE WHEN (to_tsvector(a.search_config, a.title) || to_tsvector('simple', a.title)) @@ q"
        + " THEN 1 ELSE 0 END AS rank"
        + " FROM help_articles a CROSS JOIN LATERAL convot_help_query(a.search_config, ?1) q"
        + " WHERE a.app_id = CAST(?2 AS uuid) AND a.status = 'published' AND a.search_vector @@ q"
        + (locale == null ? "" : " AND a.locale = ?4")
        + " ORDER BY rank DESC, a.published_at DESC, a.id LIMIT ?3";
    jakarta.persistence.Query search = em.createNativeQuery(sql).setParameter(1, text).setParameter(2, ref.appId().toString()).setParameter(3, limit);
    if (locale != null) {
      search.setParameter(4, locale);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = search.getResultList();
    return rows.stream().map(row -> new SearchHit(Ids.uuid(row[0]), (String) row[1], (String) row[2], (String) row[3],
        (String) row[4], (String) row[5], ((Number) row[6]).doubleValue())).toList();
  }

  /** When the help center last changed, for the sitemap. */
  public Instant lastChange(List<Article> articles) {
    return articles.stream().map(Article::updatedAt).max(Instant::compareTo).orElse(null);
  }
}
