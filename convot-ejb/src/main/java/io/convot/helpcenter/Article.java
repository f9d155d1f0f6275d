package io.convot.helpcenter;

import io.convot.common.Timestamps;
import io.convot.tenancy.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One help-center article of an app, in one locale. The Markdown is the source; the sanitized HTML
 * and the plain text (which the database indexes for search) are rendered from it on every change.
 */
@Entity
@Table(name = "help_articles")
public class Article extends TenantEntity {

  public enum Status {
    DRAFT, PUBLISHED;

    public String wire() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  @Id private UUID id;

  @Column(name = "app_id", nullable = false, updatable = false)
  private UUID appId;

  @Column(nullable = false)
  private String title;

  @Column(nullable = false)
  private String slug;

  @Column(nullable = false)
  private String locale;

  private String category;

  @Column(name = "body_markdown", nullable = false)
  private String bodyMarkdown;

  @Column(name = "body_html", nullable = false)
  private String bodyHtml;

  @Column(name = "body_text", nullable = false)
  private String bodyText;

  @Column(nullable = false)
  private String status;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "published_at")
  private Instant publishedAt;

  protected Article() {}

  Article(UUID appId, String title, String slug, String locale, String category, String markdown, Status status) {
    this.id = UUID.randomUUID();
    this.appId = appId;
    this.createdAt = Timestamps.now();
    this.title = title;
    this.slug = slug;
    this.locale = locale;
    this.category = category;
    this.status = Status.DRAFT.wire();
    write(markdown);
    setStatus(status);
    this.updatedAt = createdAt;
  }

  void rename(String title) {
    this.title = title;
  }

  void moveTo(String slug, String locale) {
    this.slug = slug;
    this.locale = locale;
  }

  void categorize(String category) {
    this.category = category;
  }

  void write(String markdown) {
    RenderedBody body = MarkdownRenderer.render(markdown);
    this.bodyMarkdown = markdown;
    this.bodyHtml = body.html();
    this.bodyText = body.text();
  }

  /** Publishing stamps the time it went public; unpublishing keeps it as the last publication. */
  void setStatus(Status wanted) {
    if (wanted == Status.PUBLISHED && !isPublished()) {
      this.publishedAt = Timestamps.now();
    }
    this.status = wanted.wire();
  }

  void touch() {
    this.updatedAt = Timestamps.now();
  }

  public UUID id() {
    return id;
  }

  public UUID appId() {
    return appId;
  }

  public String title() {
    return title;
  }

  public String slug() {
    return slug;
  }

  public String locale() {
    return locale;
  }

  public String category() {
    return category;
  }

  public String bodyMarkdown() {
    return bodyMarkdown;
  }

  public String bodyHtml() {
    return bodyHtml;
  }

  public String bodyText() {
    return bodyText;
  }

  public String status() {
    return status;
  }

  public boolean isPublished() {
    return Status.PUBLISHED.wire().equals(status);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public Instant publishedAt() {
    return publishedAt;
  }

  /** The first words of the body, for a meta description or a list. */
  public String summary(int max) {
    String text = bodyText.strip().replaceAll("\\s+", " ");
    if (text.length() <= max) {
      return text;
    }
    int cut = text.lastIndexOf(' ', max - 1);
    return text.substring(0, cut > max / 2 ? cut : max - 1) + "…";
  }
}
