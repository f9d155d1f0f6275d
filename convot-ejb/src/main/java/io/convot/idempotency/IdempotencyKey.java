package io.convot.idempotency;

import io.convot.common.ConvotException;
import io.convot.common.ErrorCode;
import io.convot.tenancy.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One caller's key: the request it was first used for and, once that request succeeded, its
 * response. While the request runs, {@code holder} names the run and {@code lockedUntil} says how
 * long others must wait before assuming the run died with its server.
 */
@Entity
@Table(name = "idempotency_keys")
@NamedQuery(name = "IdempotencyKey.byPrincipal",
    query = "SELECT k FROM IdempotencyKey k WHERE k.principal = :principal AND k.idempotencyKey = :key")
public class IdempotencyKey extends TenantEntity {

  enum Outcome { RUN, REPLAY }

  @Id private UUID id;

  @Column(nullable = false)
  private String principal;

  @Column(name = "idempotency_key", nullable = false)
  private String idempotencyKey;

  @Column(name = "request_method", nullable = false)
  private String requestMethod;

  @Column(name = "request_path", nullable = false)
  private String requestPath;

  @Column(name = "request_hash", nullable = false)
  private String requestHash;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  private UUID holder;

  @Column(name = "locked_until")
  private Instant lockedUntil;

  @Column(name = "response_status")
  private Integer responseStatus;

  @Column(name = "response_headers")
  private String responseHeaders;

  @Column(name = "response_body")
  private String responseBody;

  @Column(name = "completed_at")
  private Instant completedAt;

  protected IdempotencyKey() {}

  /** A key claimed by its first request, which holds it while it runs. */
  static IdempotencyKey claim(String principal, IdempotentRequest request, Instant now, Duration lockTimeout) {
    IdempotencyKey key = new IdempotencyKey();
    key.id = UUID.randomUUID();
    key.principal = principal;
    key.idempotencyKey = request.key();
    key.restart(request, now, lockTimeout);
    return key;
  }

  /**
   * Decides, under this row's lock, what a request sent again under the key gets. An expired key is
   * forgotten, so the request runs as if it were new; a key is never shared by two different requests;
   * a finished request is replayed; a running one makes the newcomer retry, unless its lock ran out
   * (its server died), in which case the newcomer takes the key over and runs.
   */
  Outcome admit(IdempotentRequest request, Instant now, Duration lifetime, Duration lockTimeout) {
    if (!createdAt.plus(lifetime).isAfter(now)) {
      restart(request, now, lockTimeout);
      return Outcome.RUN;
    }
    if (!requestHash.equals(request.fingerprint())) {
      throw new ConvotException(ErrorCode.IDEMPOTENCY_KEY_REUSED, "This Idempotency-Key was first used for "
          + requestMethod + " " + requestPath + " with another body; use a new key for another request");
    }
    if (completedAt != null) {
      return Outcome.REPLAY;
    }
    if (lockedUntil.isAfter(now)) {
      throw new ConvotException(ErrorCode.IDEMPOTENCY_KEY_IN_USE,
          "A request with this Idempotency-Key is still running; retry shortly to get its response");
    }
    hold(now, lockTimeout);
    return Outcome.RUN;
  }

  private void restart(IdempotentRequest request, Instant now, Duration lockTimeout) {
    requestMethod = request.method();
    requestPath = request.path();
    requestHash = request.fingerprint();
    createdAt = now;
    responseStatus = null;
    responseHeaders = null;
    responseBody = null;
    completedAt = null;
    hold(now, lockTimeout);
  }

  private void hold(Instant now, Duration lockTimeout) {
    holder = UUID.randomUUID();
    lockedUntil = now.plus(lockTimeout);
  }

  /** Whether the run {@code run} still holds the key (nobody took it over and it has no response yet). */
  boolean heldBy(UUID run) {
    return completedAt == null && run.equals(holder);
  }

  void complete(int status, String headers, String sealedBody, Instant now) {
    responseStatus = status;
    responseHeaders = headers;
    responseBody = sealedBody;
    completedAt = now;
    holder = null;
    lockedUntil = null;
  }

  public UUID id() {
    return id;
  }

  UUID holder() {
    return holder;
  }

  String principal() {
    return principal;
  }

  String idempotencyKey() {
    return idempotencyKey;
  }

  String requestMethod() {
    return requestMethod;
  }

  String requestPath() {
    return requestPath;
  }

  String requestHash() {
    return requestHash;
  }

  Instant createdAt() {
    return createdAt;
  }

  Instant lockedUntil() {
    return lockedUntil;
  }

  int responseStatus() {
    return responseStatus;
  }

  String responseHeaders() {
    return responseHeaders;
  }

  String responseBody() {
    return responseBody;
  }
}
