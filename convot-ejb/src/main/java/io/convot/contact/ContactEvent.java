package io.convot.contact;

import io.convot.common.Timestamps;
import io.convot.tenancy.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One entry of a contact's timeline, pushed by the host app ({@code session:event}). */
@Entity
@Table(name = "contact_events")
public class ContactEvent extends TenantEntity {

  @Id private UUID id;

  @Column(name = "app_id", nullable = false)
  private UUID appId;

  @Column(name = "contact_id", nullable = false)
  private UUID contactId;

  @Column(nullable = false)
  private String name;

  /** JSON object text. */
  @Column(nullable = false)
  private String data;

  private String color;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected ContactEvent() {}

  public ContactEvent(Contact contact, String name, String dataJson, String color) {
    this.id = UUID.randomUUID();
    this.appId = contact.appId();
    this.contactId = contact.id();
    this.name = name;
    this.data = dataJson;
    this.color = color;
    this.createdAt = Timestamps.now();
  }

  public UUID id() {
    return id;
  }

  public UUID contactId() {
    return contactId;
  }

  public String name() {
    return name;
  }

  public String data() {
    return data;
  }

  public String color() {
    return color;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
