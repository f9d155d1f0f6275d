package io.convot.apikey;

import io.convot.common.Randoms;
import io.convot.common.Timestamps;
import io.convot.tenancy.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An organization's key for integrations. Only its hash is stored; the key is shown once. */
@Entity
@Table(name = "api_keys")
public class ApiKey extends TenantEntity {

  public static final String PREFIX = "cvk_";

  @Id private UUID id;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private String prefix;

  @Column(name = "key_hash", nullable = false)
  private String keyHash;

  @Column(name = "created_by")
  private UUID createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "last_used_at")
  private Instant lastUsedAt;

  protected ApiKey() {}

  private ApiKey(String name, String key, UUID createdBy) {
    this.id = UUID.randomUUID();
    this.name = name.trim();
    this.prefix = key.substring(0, PREFIX.length() + 8);
    this.keyHash = hash(key);
    this.createdBy = createdBy;
    this.createdAt = Timestamps.now();
  }

  /** A new key and its only plaintext copy. */
  public static Created generate(String name, UUID createdBy) {
    String key = PREFIX + Randoms.token(32);
    return new Created(new ApiKey(name, key, createdBy), key);
  }

  public static boolean looksLikeKey(String token) {
    return token != null && token.startsWith(PREFIX);
  }

  public static String hash(String key) {
    return Randoms.sha256(key);
  }

  /** Records use at most once a minute, so authentication rarely writes. */
  public void markUsed() {
    Instant now = Timestamps.now();
    if (lastUsedAt == null || lastUsedAt.isBefore(now.minusSeconds(60))) {
      lastUsedAt = now;
    }
  }

  public UUID id() {
    return id;
  }

  public String name() {
    return name;
  }

  public String prefix() {
    return prefix;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant lastUsedAt() {
    return lastUsedAt;
  }

  public record Created(ApiKey apiKey, String key) {}
}
