package io.convot.idempotency;

import io.convot.access.Caller;
import io.convot.access.CurrentCaller;
import io.convot.common.JsonText;
import io.convot.common.Timestamps;
import io.convot.crypto.SecretBox;
import io.convot.tenancy.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The caller's idempotency keys. Keys belong to the caller's organization and credential (the
 * sign-in token or the API key), so that two organizations, members or integrations never share a
 * key. Not the member alone: the request's bytes do not name the token, so signing out a second
 * token under the first one's key would replay the first sign-out and leave the second token valid.
 * Each method is one short transaction of its own: the request runs in between, in its own.
 */
@Stateless
@TenantScoped
public class IdempotencyService {

  private static final Logger LOG = Logger.getLogger(IdempotencyService.class.getName());

  @PersistenceContext(unitName = "convot")
  EntityManager em;

  @Inject CurrentCaller caller;
  @Inject SecretBox box;

  @Inject
  @ConfigProperty(name = "convot.idempotency.key-lifetime", defaultValue = "PT24H")
  Duration lifetime;

  @Inject
  @ConfigProperty(name = "convot.idempotency.lock-timeout", defaultValue = "PT1M")
  Duration lockTimeout;

  /**
   * Claims the key for this request, or answers how the request is to be replayed. The insert waits
   * for a concurrent one with the same key to commit, then does nothing; the row lock then lets one
   * request at a time decide, so of many concurrent requests exactly one runs.
   */
  public Admission admit(IdempotentRequest request) {
    String principal = principal(caller.get());
    Instant now = Timestamps.now();
    IdempotencyKey claimed = IdempotencyKey.claim(principal, request, now, lockTimeout);
    int inserted = em.createNativeQuery("""
        INSERT INTO idempotency_keys (id, organization_id, principal, idempotency_key, request_method, request_path,
            request_hash, created_at, holder, locked_until)
        VALUES (?1, convot_current_organization(), ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
        ON CONFLICT (organization_id, principal, idempotency_key) DO NOTHING""")
        .setParameter(1, claimed.id()).setParameter(2, claimed.principal()).setParameter(3, claimed.idempotencyKey())
        .setParameter(4, claimed.requestMethod()).setParameter(5, claimed.requestPath())
        .setParameter(6, claimed.requestHash()).setParameter(7, utc(claimed.createdAt()))
        .setParameter(8, claimed.holder()).setParameter(9, utc(claimed.lockedUntil()))
        .executeUpdate();
    if (inserted == 1) {
      return new Admission.Proceed(claimed.id(), claimed.holder());
    }
    IdempotencyKey key = em.createNamedQuery("IdempotencyKey.byPrincipal", IdempotencyKey.class)
        .setParameter("principal", principal).setParameter("key", request.key())
        .setLockMode(LockModeType.PESSIMISTIC_WRITE).getSingleResult();
    return switch (key.admit(request, now, lifetime, lockTimeout)) {
      case RUN -> new Admission.Proceed(key.id(), key.holder());
      case REPLAY -> new Admission.Replay(stored(key));
    };
  }

  /** Keeps the response of the run that still holds the key; a run whose key was taken over keeps nothing. */
  public void complete(Admission.Proceed run, StoredResponse response) {
    IdempotencyKey key = em.find(IdempotencyKey.class, run.keyId(), LockModeType.PESSIMISTIC_WRITE);
    if (key == null || !key.heldBy(run.holder())) {
      LOG.warning(() -> "Idempotency key " + run.keyId() + " was taken over or expired before its response was kept");
      return;
    }
    String body = box.seal(Base64.getEncoder().encodeToString(response.body()), context(key));
    key.complete(response.status(), JsonText.write(response.headers()), body, Timestamps.now());
  }

  /** Forgets the key of a run whose outcome is not kept, so that a retry runs again. */
  public void release(Admission.Proceed run) {
    IdempotencyKey key = em.find(IdempotencyKey.class, run.keyId(), LockModeType.PESSIMISTIC_WRITE);
    if (key != null && key.heldBy(run.holder())) {
      em.remove(key);
    }
  }

  private StoredResponse stored(IdempotencyKey key) {
    Map<String, String> headers = new LinkedHashMap<>();
    JsonObject stored = JsonText.readObject(key.responseHeaders());
    stored.forEach((name, value) -> headers.put(name, ((JsonString) value).getString()));
    byte[] body = Base64.getDecoder().decode(box.open(key.responseBody(), context(key)));
    return new StoredResponse(key.responseStatus(), headers, body);
  }

  /** Binds a sealed body to its row: copied into another key or organization, it does not open. */
  private String context(IdempotencyKey key) {
    return "idempotency-response:" + caller.get().organizationId() + ":" + key.id();
  }

  private static String principal(Caller caller) {
    return (caller.isMember() ? "jwt:" : "api-key:") + caller.credentialId();
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
