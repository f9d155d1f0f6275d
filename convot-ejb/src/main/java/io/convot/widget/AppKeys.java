package io.convot.widget;

import io.convot.common.Ids;
import io.convot.common.ConvotException;
import io.convot.common.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.UUID;

/**
 * Finds which organization an app key or a widget session token belongs to, before any tenant is
 * entered. Both go through narrow SECURITY DEFINER functions.
 */
@ApplicationScoped
public class AppKeys {

  @PersistenceContext(unitName = "convot")
  EntityManager em;

  public record AppRef(UUID appId, UUID organizationId) {}

  public record SessionRef(UUID sessionId, UUID organizationId, UUID appId) {}

  public AppRef app(String appKey) {
    if (appKey == null || appKey.isBlank() || appKey.length() > 100) {
      throw new ConvotException(ErrorCode.UNKNOWN_APP, "No app has this app_id");
    }
    List<?> rows = em.createNativeQuery("SELECT app_id, organization_id FROM convot_app_by_key(?1)")
        .setParameter(1, appKey.trim()).getResultList();
    Object[] row = (Object[]) rows.stream().findFirst()
        .orElseThrow(() -> new ConvotException(ErrorCode.UNKNOWN_APP, "No app has this app_id"));
    return new AppRef(Ids.uuid(row[0]), Ids.uuid(row[1]));
  }

  /**
   * Sessions already looked up, by token hash. What a token names (its session, organization and
   * app) never changes, so every server may keep it; whether the session still exists, and its
   * contact, is read from the organization by the caller on every request.
   */
  private final Map<String, SessionRef> sessions = new ConcurrentHashMap<>();
  private static final int MAX_SESSIONS = 100_000;

  public SessionRef session(String tokenHash) {
    SessionRef known = sessions.get(tokenHash);
    if (known != null) {
      return known;
    }
    SessionRef ref = lookUpSession(tokenHash);
    if (sessions.size() >= MAX_SESSIONS) {
      sessions.clear(); // a bound, not an eviction policy: the busiest sessions come back at once
    }
    sessions.put(tokenHash, ref);
    return ref;
  }

  private SessionRef lookUpSession(String tokenHash) {
    List<?> rows = em.createNativeQuery("SELECT session_id, organization_id, app_id FROM convot_widget_session(?1)")
        .setParameter(1, tokenHash).getResultList();
    Object[] row = (Object[]) rows.stream().findFirst()
        .orElseThrow(() -> new ConvotException(ErrorCode.SESSION_INVALID, "The session token is unknown or ended; start a new session"));
    return new SessionRef(Ids.uuid(row[0]), Ids.uuid(row[1]), Ids.uuid(row[2]));
  }

  public boolean sessionExists(String tokenHash) {
    return !em.createNativeQuery("SELECT session_id FROM convot_widget_session(?1)").setParameter(1, tokenHash).getResultList().isEmpty();
  }

}
