package io.convot.web;

import io.convot.common.ConvotException;
import io.convot.common.ErrorCode;
import io.convot.common.FieldError;
import io.convot.common.StorableText;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.List;

/**
 * Query parameters and path segments reach lookups (an app key, an email filter, an invitation
 * token) that the database cannot take NUL or broken characters in: a parameter holding one is a
 * 422 naming it, and a path holding one names no resource, a 404.
 */
@Provider
@PreMatching
public class RequestTextGuard implements ContainerRequestFilter {

  @Override
  public void filter(ContainerRequestContext request) {
    if (!StorableText.isStorable(request.getUriInfo().getPath(true))) {
      throw ConvotException.notFound("Resource");
    }
    List<FieldError> errors = new ArrayList<>();
    MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters(true);
    query.forEach((name, values) -> {
      if (!StorableText.isStorable(name) || !values.stream().allMatch(StorableText::isStorable)) {
        String field = StorableText.printable(name);
        errors.add(new FieldError(field, "invalid_characters", field + " " + StorableText.PROBLEM));
      }
    });
    if (!errors.isEmpty()) {
      throw new ConvotException(ErrorCode.VALIDATION_FAILED, "The request has invalid parameters", errors);
    }
  }
}
