package io.convot.web.problem;

import io.convot.common.ErrorCode;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** The framework's own refusals (unknown path, wrong method or media type, unreadable body). */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Inject Problems problems;

  @Override
  public Response toResponse(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    ErrorCode code = switch (status) {
      case 400 -> ErrorCode.MALFORMED_REQUEST;
      case 401 -> ErrorCode.UNAUTHENTICATED;
      case 404 -> ErrorCode.NOT_FOUND;
      case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
      case 406 -> ErrorCode.NOT_ACCEPTABLE;
      case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
      case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
      default -> status < 500 ? ErrorCode.MALFORMED_REQUEST : ErrorCode.INTERNAL_ERROR;
    };
    String detail = switch (code) {
      case MALFORMED_REQUEST -> Problems.MALFORMED_BODY;
      case NOT_FOUND -> "No such resource";
      case UNSUPPORTED_MEDIA_TYPE -> "Send application/json";
      default -> code.title();
    };
    return problems.response(code, detail, List.of());
  }
}
