package io.convot.web.organization;

import io.convot.access.CurrentCaller;
import io.convot.lifecycle.CancellationGuard;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A cancelled organization is read-only: every change its members or integrations request is a
 * 409 {@code organization_cancelled}, in this one place, after authentication and before anything
 * else runs. Reads still work, and so does what leaving or coming back needs: reactivating,
 * exporting, signing out, revoking a token or key, changing one's password or availability, and
 * marking a conversation read.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class CancelledOrganizationWrites implements ContainerRequestFilter {

  private static final Set<String> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
  private static final Pattern ALLOWED = Pattern.compile(
      "organization/(reactivate|cancel|export)|auth/logout|me|me/password|(api-keys|tokens)/[^/]+|conversations/[^/]+/read");

  @Inject CurrentCaller caller;
  @Inject CancellationGuard guard;

  @Override
  public void filter(ContainerRequestContext request) {
    if (READS.contains(request.getMethod()) || !caller.isPresent()) {
      return;
    }
    String path = request.getUriInfo().getPath();
    if (path.startsWith("/")) {
      path = path.substring(1);
    }
    if (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    if (!ALLOWED.matcher(path).matches()) {
      guard.refuseChangesWhenCancelled();
    }
  }
}
