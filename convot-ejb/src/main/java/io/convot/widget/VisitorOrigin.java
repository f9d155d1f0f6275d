package io.convot.widget;

import io.convot.app.AllowedOrigins;
import io.convot.common.ConvotException;
import io.convot.common.ErrorCode;
import jakarta.enterprise.context.RequestScoped;
import java.util.List;

/**
 * The browser origin of the current widget request. The embed's own frame is served by Convot, so
 * its origin always passes; any other origin must be one the app allows. A request without an
 * {@code Origin} header is not from a browser page and is judged by its credentials alone.
 */
@RequestScoped
public class VisitorOrigin {

  private String origin;
  private String ownOrigin;
  private boolean allowed;

  public void set(String origin, String ownOrigin) {
    this.origin = origin;
    this.ownOrigin = ownOrigin;
  }

  public void check(WidgetConfig app) {
    check(app.allowedOrigins());
  }

  public void check(List<String> allowedOrigins) {
    if (origin == null || origin.equalsIgnoreCase(ownOrigin)) {
      return;
    }
    if (!AllowedOrigins.matches(allowedOrigins, origin)) {
      throw new ConvotException(ErrorCode.ORIGIN_NOT_ALLOWED, "This app does not allow embedding on " + origin);
    }
    allowed = true;
  }

  /** The origin to name in {@code Access-Control-Allow-Origin}, once a check let it through. */
  public String corsOrigin() {
    return allowed ? origin : null;
  }
}
