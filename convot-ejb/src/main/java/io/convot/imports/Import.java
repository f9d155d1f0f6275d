package io.convot.imports;

import io.convot.common.Timestamps;
import io.convot.tenancy.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One import of a Crisp website into an app: where it is (people pages, then conversation pages),
 * what it created, and why it waits or why it ended. Each queued step carries the row's
 * {@code step}; a step that does not match (a copy of a message, a step of a cancelled import) does nothing.
 */
@Entity
@Table(name = "imports")
public class Import extends TenantEntity {

  public enum Status { queued, running, paused, completed, failed;
    boolean isActive() {
      return this == queued || this == running || this == paused;
    }
  }

  public enum Phase { people, conversations }

  @Id private UUID id;

  @Column(name = "app_id", nullable = false, updatable = false)
  private UUID appId;

  @Column(nullable = false, updatable = false)
  private String source;

  @Column(name = "website_id", nullable = false, updatable = false)
  private String websiteId;

  @Column(nullable = false)
  private String status;

  @Column(name = "credentials_sealed")
  private String credentialsSealed;

  @Column(nullable = false)
  private String phase;

  @Column(name = "next_page", nullable = false)
  private int nextPage;

  @Column(nullable = false)
  private int step;

  @Column(nullable = false)
  private int contacts;

  @Column(nullable = false)
  private int conversations;

  @Column(nullable = false)
  private int messages;

  @Column(name = "pages_done", nullable = false)
  private int pagesDone;

  @Column(name = "pages_total")
  private Integer pagesTotal;

  @Column(name = "resumes_at")
  private Instant resumesAt;

  @Column(name = "rate_limited_in_a_row", nullable = false)
  private int rateLimitedInARow;

  @Column(name = "failures_in_a_row", nullable = false)
  private int failuresInARow;

  private String error;

  @Column(name = "created_by")
  private UUID createdBy;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "finished_at")
  private Instant finishedAt;

  protected Import() {}

  Import(UUID id, UUID appId, String websiteId, UUID createdBy) {
    this.id = id;
    this.appId = appId;
    this.source = "crisp";
    this.websiteId = websiteId;
    this.status = Status.queued.name();
    this.phase = Phase.people.name();
    this.nextPage = 1;
    this.createdBy = createdBy;
    this.createdAt = Timestamps.now();
    this.updatedAt = createdAt;
  }

  void sealedCredentials(String sealed) {
    this.credentialsSealed = sealed;
  }

  /** Whether a step message numbered {@code number} is this import's next step. */
  boolean awaits(int number) {
    return status().isActive() && step == number;
  }

  /** The step is under way: a paused import runs again. */
  void running() {
    status = Status.running.name();
    resumesAt = null;
    updatedAt = Timestamps.now();
  }

  /** One page stored ({@code lastOfPhase}: the empty page that ends a list, not counted); returns the next step's number. */
  int pageStored(int newContacts, int newConversations, int newMessages, boolean lastOfPhase) {
    contacts += newContacts;
    conversations += newConversations;
    messages += newMessages;
    pagesDone += lastOfPhase ? 0 : 1;
    rateLimitedInARow = 0;
    failuresInARow = 0;
    updatedAt = Timestamps.now();
    if (lastOfPhase) {
      if (phase() == Phase.people) {
        phase = Phase.conversations.name();
        nextPage = 1;
      } else {
        end(Status.completed, null);
      }
    } else {
      nextPage++;
    }
    return nextStep();
  }

  /**
   * Rate-limited: paused until the source's {@code Retry-After}, else {@code pause} doubled for
   * each rate limit in a row, at most {@code longest}. Returns how long to wait.
   */
  Duration rateLimited(Duration retryAfter, Duration pause, Duration longest) {
    Duration wait = retryAfter != null ? retryAfter : pause.multipliedBy(1L << Math.min(rateLimitedInARow, 20));
    wait = wait.compareTo(longest) > 0 ? longest : wait;
    rateLimitedInARow++;
    status = Status.paused.name();
    resumesAt = Timestamps.now().plus(wait);
    updatedAt = Timestamps.now();
    return wait;
  }

  /** A step that failed {@code attempts} times; answers whether the import may try again. */
  boolean failed(int attempts, int maxFailures, String reason) {
    failuresInARow += Math.max(1, attempts);
    if (failuresInARow >= maxFailures) {
      end(Status.failed, reason);
      return false;
    }
    updatedAt = Timestamps.now();
    return true;
  }

  /** Ends it at once (a rejected token, a step that cannot succeed, a cancel). */
  void fail(String reason) {
    end(Status.failed, reason);
  }

  int nextStep() {
    return ++step;
  }

  private void end(Status to, String reason) {
    status = to.name();
    error = reason;
    pagesTotal = to == Status.completed ? Integer.valueOf(pagesDone) : pagesTotal;
    resumesAt = null;
    credentialsSealed = null;
    finishedAt = Timestamps.now();
    updatedAt = finishedAt;
  }

  public UUID id() {
    return id;
  }

  public UUID appId() {
    return appId;
  }

  public String source() {
    return source;
  }

  public String websiteId() {
    return websiteId;
  }

  public Status status() {
    return Status.valueOf(status);
  }

  String credentialsSealed() {
    return credentialsSealed;
  }

  public Phase phase() {
    return Phase.valueOf(phase);
  }

  public int nextPage() {
    return nextPage;
  }

  public int step() {
    return step;
  }

  public int contacts() {
    return contacts;
  }

  public int conversations() {
    return conversations;
  }

  public int messages() {
    return messages;
  }

  public int pagesDone() {
    return pagesDone;
  }

  public Integer pagesTotal() {
    return pagesTotal;
  }

  public Instant resumesAt() {
    return resumesAt;
  }

  public String error() {
    return error;
  }

  public UUID createdBy() {
    return createdBy;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant finishedAt() {
    return finishedAt;
  }
}
