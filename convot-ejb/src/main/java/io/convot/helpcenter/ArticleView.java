package io.convot.helpcenter;

import java.time.Instant;
import java.util.UUID;

/** An article on the wire: its Markdown source and the sanitized HTML the public site shows. */
public record ArticleView(
    UUID id,
    UUID appId,
    String title,
    String slug,
    String bodyMarkdown,
    String bodyHtml,
    String category,
    String locale,
    String status,
    Instant createdAt,
    Instant updatedAt,
    Instant publishedAt) {

  public static ArticleView of(Article article) {
    return new ArticleView(article.id(), article.appId(), article.title(), article.slug(), article.bodyMarkdown(),
        article.bodyHtml(), article.category(), article.locale(), article.status(), article.createdAt(), article.updatedAt(),
        article.publishedAt());
  }
}
