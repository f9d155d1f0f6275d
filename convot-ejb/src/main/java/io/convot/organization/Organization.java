package io.convot.organization;

import io.convot.common.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The tenant: a team that builds Shopify apps. */
@Entity
@Table(name = "organizations")
public class Organization {

  @Id private UUID id;

  @Column(nullable = false)
  private String name;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Organization() {}

  public Organization(String name) {
    this.id = UUID.randomUUID();
    this.name = name.trim();
    this.createdAt = Timestamps.now();
  }

  public UUID id() {
    return id;
  }

  public String name() {
    return name;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
