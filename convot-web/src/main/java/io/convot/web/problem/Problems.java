package io.convot.web.problem;

import io.convot.common.ErrorCode;
import io.convot.common.FieldError;
import io.convot.web.RequestIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Builds problem+json responses. */
@ApplicationScoped
public class Problems {

  public static final String MALFORMED_BODY = "The request body is not valid JSON of the expected shape";

  public Response response(ErrorCode error, String detail, List<FieldError> errors) {
    Response.ResponseBuilder builder = Response.status(error.status())
        .type(Problem.MEDIA_TYPE)
        .entity(Problem.of(error, detail, RequestIds.current(), errors));
    if (error.status() == 401) {
      builder.header("WWW-Authenticate", "Bearer realm=\"convot\"");
    }
    return builder.build();
  }
}
