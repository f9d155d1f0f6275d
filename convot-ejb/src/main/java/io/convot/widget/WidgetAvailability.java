package io.convot.widget;

import io.convot.app.App;
import io.convot.common.ConvotException;
import io.convot.common.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * A widget shows nothing while its app is deleted (waiting out its grace period) or its organization
 * is cancelled: every widget request is a 403 {@code widget_unavailable}, which the loader takes as
 * "render nothing". Restoring the app or reactivating the organization brings it back at once.
 */
@ApplicationScoped
public class WidgetAvailability {

  @PersistenceContext(unitName = "convot")
  EntityManager em;

  /** For an app read in the organization this transaction entered. */
  public void require(App app) {
    requireApp(app);
    boolean cancelled = !em.createNativeQuery("SELECT 1 FROM organizations WHERE id = convot_current_organization()"
        + " AND cancelled_at IS NOT NULL").getResultList().isEmpty();
    requireOrganization(cancelled);
  }

  void requireApp(App app) {
    if (app.isDeleted()) {
      throw new ConvotException(ErrorCode.WIDGET_UNAVAILABLE, "This app was deleted; its chat is unavailable");
    }
  }

  void requireOrganization(boolean cancelled) {
    if (cancelled) {
      throw new ConvotException(ErrorCode.WIDGET_UNAVAILABLE, "This app's organization is cancelled; its chat is unavailable");
    }
  }
}
