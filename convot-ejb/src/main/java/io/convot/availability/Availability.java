package io.convot.availability;

import io.convot.app.App;
import io.convot.common.Timestamps;
import io.convot.realtime.LiveUpdates;
import io.convot.tenancy.Tenancy;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether an app is available: its office hours are open now AND at least one member of its
 * organization (every member handles every app of it) has the dashboard open, on any server, and is
 * not set to away. A connection counts while its server refreshed it within the presence timeout.
 */
@Stateless
public class Availability {

  @PersistenceContext(unitName = "convot")
  EntityManager em;

  @Inject Tenancy tenancy;
  @Inject LiveUpdates live;

  @Inject
  @ConfigProperty(name = "convot.availability.presence-timeout", defaultValue = "PT60S")
  Duration timeout;

  /** Whether {@code app} is available now (the caller entered its organization). */
  public boolean of(App app) {
    return app.isAvailableAt(Timestamps.now()) && anyoneOnline();
  }

  /** Whether a member of the entered organization is online and available. */
  public boolean anyoneOnline() {
    Instant cutoff = Timestamps.now().minus(timeout);
    Long online = em.createQuery("SELECT COUNT(p) FROM MemberPresence p, Member m WHERE m.id = p.memberId"
            + " AND m.availability = 'available' AND p.seenAt > :cutoff", Long.class)
        .setParameter("cutoff", cutoff).getSingleResult();
    return online > 0;
  }

  /**
   * Tells the open widgets of every app of {@code organizationId} whether their app is available
   * now, in the caller's transaction: a widget fires {@code website:availability:changed} when that
   * differs from what it knew.
   */
  public void announce(UUID organizationId) {
    tenancy.enter(organizationId);
    boolean online = anyoneOnline();
    Instant now = Timestamps.now();
    for (App app : em.createQuery("SELECT a FROM App a", App.class).getResultList()) {
      live.announceAvailability(organizationId, app.id(), online && app.isAvailableAt(now));
    }
  }

  /** {@link #announce} in a transaction of its own (one organization per transaction). */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void announceAlone(UUID organizationId) {
    announce(organizationId);
  }
}
