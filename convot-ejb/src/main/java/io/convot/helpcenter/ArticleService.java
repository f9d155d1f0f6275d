package io.convot.helpcenter;

import io.convot.access.CurrentCaller;
import io.convot.app.AppService;
import io.convot.common.ConvotException;
import io.convot.common.ErrorCode;
import io.convot.common.FieldError;
import io.convot.common.Keyset;
import io.convot.common.Page;
import io.convot.common.PageRequest;
import io.convot.common.Validation;
import io.convot.tenancy.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Articles of the caller's organization: every member reads them, owners and admins write them.
 * A slug is unique per app and locale: one sent that is taken is a conflict, one made from the
 * title gets a number ({@code refunds-2}) instead.
 */
@Stateless
@TenantScoped
public class ArticleService {

  public static final int MAX_TITLE = 200;
  public static final int MAX_BODY = 100_000;
  public static final int MAX_CATEGORY = 100;

  @PersistenceContext(unitName = "convot")
  EntityManager em;

  @Inject CurrentCaller caller;
  @Inject AppService apps;

  public Page<ArticleView> list(UUID appId, String status, String locale, PageRequest page) {
    apps.get(appId);
    Keyset.Filter filter = new Keyset.Filter().where("e.appId = :app", "app", appId)
        .where("e.status = :status", "status", status == null ? null : parseStatus(status).wire())
        .where("e.locale = :locale", "locale", locale == null ? null : checkedLocale(locale));
    return Keyset.page(em, Article.class, filter, page, Article::createdAt, Article::id).map(ArticleView::of);
  }

  public ArticleView get(UUID id) {
    return ArticleView.of(find(id));
  }

  public ArticleView create(UUID appId, ArticleRequest request) {
    caller.get().requireManager();
    apps.get(appId);
    Validation validation = new Validation().text(request.title(), "title", MAX_TITLE);
    validation.require(request.bodyMarkdown() != null, "body_markdown", "required", "body_markdown is required");
    checkBody(request.bodyMarkdown(), validation);
    checkSlug(request.slug(), validation);
    checkCategory(request.category(), validation);
    String locale = request.locale() == null ? Locales.DEFAULT : localeOrError(request.locale(), validation);
    Article.Status status = request.status() == null ? Article.Status.DRAFT : statusOrError(request.status(), validation);
    validation.throwIfInvalid();
    String title = request.title().strip();
    String slug = request.slug() != null ? request.slug() : freeSlug(appId, locale, Slugs.fromTitle(title));
    ensureFree(appId, locale, slug, null);
    Article article = new Article(appId, title, slug, locale, category(request.category()), request.bodyMarkdown(), status);
    em.persist(article);
    flush();
    return ArticleView.of(article);
  }

  public ArticleView update(UUID id, ArticleRequest request) {
    caller.get().requireManager();
    Article article = find(id);
    Validation validation = new Validation();
    if (request.title() != null) {
      validation.text(request.title(), "title", MAX_TITLE);
    }
    checkBody(request.bodyMarkdown(), validation);
    checkSlug(request.slug(), validation);
    if (request.categorySet()) {
      checkCategory(request.category(), validation);
    }
    String locale = request.locale() == null ? article.locale() : localeOrError(request.locale(), validation);
    Article.Status status = request.status() == null ? null : statusOrError(request.status(), validation);
    validation.throwIfInvalid();
    String slug = request.slug() == null ? article.slug() : request.slug();
    if (!slug.equals(article.slug()) || !locale.equals(article.locale())) {
      ensureFree(article.appId(), locale, slug, article.id());
      article.moveTo(slug, locale);
    }
    Optional.ofNullable(request.title()).map(String::strip).ifPresent(article::rename);
    Optional.ofNullable(request.bodyMarkdown()).ifPresent(article::write);
    if (request.categorySet()) {
      article.categorize(category(request.category()));
    }
    Optional.ofNullable(status).ifPresent(article::setStatus);
    article.touch();
    flush();
    return ArticleView.of(article);
  }

  public void delete(UUID id) {
    caller.get().requireManager();
    em.remove(find(id));
  }

  /** What an article body will look like, for the editor's preview: the same rendering and sanitizing as on save. */
  public RenderedBody preview(String markdown) {
    caller.get();
    Validation validation = new Validation();
    validation.require(markdown != null, "body_markdown", "required", "body_markdown is required");
    checkBody(markdown, validation);
    validation.throwIfInvalid();
    return MarkdownRenderer.render(markdown);
  }

  private Article find(UUID id) {
    return Optional.ofNullable(em.find(Article.class, id)).orElseThrow(() -> ConvotException.notFound("Article"));
  }

  /** {@code base}, or {@code base-2}, {@code base-3}... whichever is free first in this app and locale. */
  private String freeSlug(UUID appId, String locale, String base) {
    List<String> taken = em.createQuery("SELECT a.slug FROM Article a WHERE a.appId = :app AND a.locale = :locale"
            + " AND (a.slug = :base OR a.slug LIKE :numbered)", String.class)
        .setParameter("app", appId).setParameter("locale", locale).setParameter("base", base)
        .setParameter("numbered", base + "-%").getResultList();
    if (!taken.contains(base)) {
      return base;
    }
    for (int n = 2; ; n++) {
      String candidate = base + "-" + n;
      if (!taken.contains(candidate)) {
        return candidate;
      }
    }
  }

  private void ensureFree(UUID appId, String locale, String slug, UUID except) {
    Long clashes = em.createQuery("SELECT COUNT(a) FROM Article a WHERE a.appId = :app AND a.locale = :locale"
            + " AND a.slug = :slug AND a.id <> :except", Long.class)
        .setParameter("app", appId).setParameter("locale", locale).setParameter("slug", slug)
        .setParameter("except", except == null ? new UUID(0, 0) : except).getSingleResult();
    if (clashes > 0) {
      throw slugTaken(slug, locale);
    }
  }

  /** Two writers racing for one slug: the unique index refuses the second, which is a conflict too. */
  private void flush() {
    try {
      em.flush();
    } catch (PersistenceException e) {
      throw new ConvotException(ErrorCode.SLUG_TAKEN, "Another article of this app and locale took this slug just now",
          List.of(new FieldError("slug", "taken", "Another article of this app and locale uses this slug")));
    }
  }

  private static ConvotException slugTaken(String slug, String locale) {
    return new ConvotException(ErrorCode.SLUG_TAKEN, "Another article of this app in locale " + locale + " has the slug " + slug,
        List.of(new FieldError("slug", "taken", "Another article of this app and locale uses this slug")));
  }

  private static void checkBody(String markdown, Validation validation) {
    validation.require(markdown == null || markdown.length() <= MAX_BODY, "body_markdown", "too_long",
        "body_markdown must be at most " + MAX_BODY + " characters");
  }

  private static void checkSlug(String slug, Validation validation) {
    validation.require(slug == null || Slugs.isValid(slug), "slug", "invalid_slug",
        "slug is lowercase letters, digits and single hyphens (refund-policy), at most " + Slugs.MAX + " characters");
  }

  private static void checkCategory(String category, Validation validation) {
    validation.require(category == null || category.strip().length() <= MAX_CATEGORY, "category", "too_long",
        "category must be at most " + MAX_CATEGORY + " characters");
  }

  private static String category(String category) {
    return category == null || category.isBlank() ? null : category.strip();
  }

  private static String localeOrError(String locale, Validation validation) {
    String normalized = Locales.normalize(locale);
    validation.require(normalized != null, "locale", "invalid_locale", "locale is a language code, optionally with a region (en, pt-BR)");
    return normalized == null ? Locales.DEFAULT : normalized;
  }

  private static Article.Status statusOrError(String status, Validation validation) {
    for (Article.Status value : Article.Status.values()) {
      if (value.wire().equals(status)) {
        return value;
      }
    }
    validation.require(false, "status", "invalid_status", "status must be draft or published");
    return Article.Status.DRAFT;
  }

  /** A query parameter's status: an invalid one is a 422 {@code invalid_parameter}. */
  private static Article.Status parseStatus(String status) {
    Validation validation = new Validation();
    Article.Status parsed = statusOrError(status, validation);
    invalidParameter(validation);
    return parsed;
  }

  private static String checkedLocale(String locale) {
    Validation validation = new Validation();
    String normalized = localeOrError(locale, validation);
    invalidParameter(validation);
    return normalized;
  }

  private static void invalidParameter(Validation validation) {
    try {
      validation.throwIfInvalid();
    } catch (ConvotException e) {
      throw new ConvotException(ErrorCode.INVALID_PARAMETER, "A query parameter is invalid", e.fieldErrors());
    }
  }
}
