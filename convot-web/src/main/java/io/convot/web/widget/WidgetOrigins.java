package io.convot.web.widget;

import io.convot.widget.VisitorOrigin;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;

/**
 * Records the request's browser origin for the services to check against the app, and answers
 * with CORS headers for exactly the origins a check let through.
 */
@Provider
@Priority(Priorities.HEADER_DECORATOR)
public class WidgetOrigins implements ContainerRequestFilter, ContainerResponseFilter {

  @Inject VisitorOrigin origin;

  @Override
  public void filter(ContainerRequestContext request) {
    URI base = request.getUriInfo().getBaseUri();
    String own = base.getScheme() + "://" + base.getAuthority();
    origin.set(request.getHeaderString("Origin"), own);
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    response.getHeaders().add("Vary", "Origin");
    String allowed = origin.corsOrigin();
    if (allowed != null) {
      response.getHeaders().putSingle("Access-Control-Allow-Origin", allowed);
      response.getHeaders().putSingle("Access-Control-Expose-Headers", "X-Request-Id, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset");
    }
  }
}
