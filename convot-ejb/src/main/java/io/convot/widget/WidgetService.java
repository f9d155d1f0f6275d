package io.convot.widget;

import io.convot.app.App;
import io.convot.common.ConvotException;
import io.convot.common.ErrorCode;
import io.convot.tenancy.Tenancy;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The embed's view of an app: found by its public key, inside the app's own organization. */
@Stateless
public class WidgetService {

  @PersistenceContext(unitName = "convot")
  EntityManager em;

  @Inject AppKeys appKeys;
  @Inject Tenancy tenancy;
  @Inject VisitorOrigin origin;
  @Inject io.convot.availability.Availability teamAvailability;
  @Inject WidgetAvailability availability;

  public WidgetConfig config(String appKey) {
    return config(appKey, null);
  }

  /** The app's configuration for a visitor in {@code country} (an ISO code a proxy found; null: unknown). */
  public WidgetConfig config(String appKey, String country) {
    AppKeys.AppRef ref = appKeys.app(appKey);
    tenancy.enter(ref.organizationId());
    App app = em.find(App.class, ref.appId());
    if (app == null) {
      throw new ConvotException(ErrorCode.UNKNOWN_APP, "No app has this app_id");
    }
    availability.require(app);
    WidgetConfig config = WidgetConfig.of(app, teamAvailability.of(app), country);
    origin.check(config);
    return config;
  }
}
