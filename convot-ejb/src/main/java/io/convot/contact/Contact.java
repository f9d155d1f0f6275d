package io.convot.contact;

import io.convot.common.Timestamps;
import io.convot.tenancy.TenantEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/** A visitor or merchant of one app: anonymous at first, identified later, verified when signed. */
@Entity
@Table(name = "contacts")
public class Contact extends TenantEntity {

  @Id private UUID id;

  @Column(name = "app_id", nullable = false, updatable = false)
  private UUID appId;

  @Column(name = "external_id")
  private String externalId;

  private String email;

  @Column(nullable = false)
  private boolean verified;

  private String nickname;
  private String avatar;
  private String phone;

  /** JSON text: {@code {name, url, description, employment, geolocation}}. */
  private String company;

  @ElementCollection
  @CollectionTable(name = "contact_data", joinColumns = @JoinColumn(name = "contact_id"))
  @MapKeyColumn(name = "key")
  @Column(name = "value")
  private Map<String, String> data = new HashMap<>();

  @ElementCollection
  @CollectionTable(name = "contact_segments", joinColumns = @JoinColumn(name = "contact_id"))
  @Column(name = "segment")
  private Set<String> segments = new LinkedHashSet<>();

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "deleted_at")
  private Instant deletedAt;

  /** Where an imported contact came from (its key in the source), so that a re-run finds it. */
  @Column(name = "source_key", updatable = false)
  private String sourceKey;

  protected Contact() {}

  /**
   * A contact an import creates as the source knew it, at the time the source first saw it.
   * Values are as checked by the caller: an email already normalized, texts within their limits.
   */
  public static Contact imported(UUID appId, String sourceKey, Instant createdAt, String email, String nickname,
      String avatar, String phone, String company, Map<String, String> data, java.util.Collection<String> segments) {
    Contact contact = new Contact(appId);
    contact.sourceKey = sourceKey;
    contact.createdAt = createdAt;
    contact.email = email;
    contact.nickname = nickname;
    contact.avatar = avatar;
    contact.phone = phone;
    contact.company = company;
    contact.data.putAll(data);
    contact.segments.addAll(segments);
    return contact;
  }

  public Contact(UUID appId) {
    this.id = UUID.randomUUID();
    this.appId = appId;
    this.createdAt = Timestamps.now();
    this.updatedAt = createdAt;
  }

  /**
   * Takes on an identity. Returns whether the contact became identified (or verified) just now,
   * which is when integrators hear {@code contact.identified}.
   */
  public boolean identify(Identity identity, boolean verifiedNow) {
    if (identity.isAnonymous()) {
      return false;
    }
    boolean wasIdentified = isIdentified();
    boolean wasVerified = verified;
    String before = externalId + "|" + email;
    if (identity.externalId() != null) {
      externalId = identity.externalId();
    }
    if (identity.email() != null) {
      email = identity.normalizedEmail();
    }
    verified = verified || verifiedNow;
    touch();
    boolean changed = !before.equals(externalId + "|" + email);
    return !wasIdentified || (verified && !wasVerified) || changed;
  }

  public void updateProfile(Profile profile) {
    profile.nickname().ifPresent(value -> nickname = value);
    profile.avatar().ifPresent(value -> avatar = value);
    profile.phone().ifPresent(value -> phone = value);
    profile.company().ifPresent(value -> company = value);
    touch();
  }

  /** Session data: each entry sets a key; a JSON {@code ""} value deletes it. */
  public void putData(Map<String, String> entries) {
    entries.forEach((key, json) -> {
      if (json.equals("\"\"") || json.equals("null")) {
        data.remove(key);
      } else {
        data.put(key, json);
      }
    });
    touch();
  }

  public void changeSegments(List<String> values, boolean overwrite) {
    if (overwrite) {
      segments.clear();
    }
    segments.addAll(values);
    touch();
  }

  public void delete() {
    deletedAt = Timestamps.now();
    touch();
  }

  private void touch() {
    updatedAt = Timestamps.now();
  }

  public boolean isIdentified() {
    return externalId != null || email != null;
  }

  public Identity identity() {
    return new Identity(externalId, email);
  }

  public boolean isDeleted() {
    return deletedAt != null;
  }

  public UUID id() {
    return id;
  }

  public UUID appId() {
    return appId;
  }

  public String externalId() {
    return externalId;
  }

  public String email() {
    return email;
  }

  /** Where an imported contact came from; null for every other contact. */
  public String sourceKey() {
    return sourceKey;
  }

  public boolean verified() {
    return verified;
  }

  public String nickname() {
    return nickname;
  }

  public String avatar() {
    return avatar;
  }

  public String phone() {
    return phone;
  }

  public String company() {
    return company;
  }

  /** Key -> JSON text of the value, sorted by key. */
  public Map<String, String> data() {
    return new TreeMap<>(data);
  }

  public Set<String> segments() {
    return new TreeSet<>(segments);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
