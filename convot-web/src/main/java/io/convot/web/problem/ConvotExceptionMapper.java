package io.convot.web.problem;

import io.convot.common.ConvotException;
import io.convot.common.RateLimitExceeded;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Convot's own errors, with their code, status and field errors. */
@Provider
public class ConvotExceptionMapper implements ExceptionMapper<ConvotException> {

  @Inject Problems problems;

  @Override
  public Response toResponse(ConvotException e) {
    Response response = problems.response(e.errorCode(), e.getMessage(), e.fieldErrors());
    if (e instanceof RateLimitExceeded limited) {
      return Response.fromResponse(response).header("Retry-After", limited.retryAfterSeconds()).build();
    }
    return response;
  }
}
