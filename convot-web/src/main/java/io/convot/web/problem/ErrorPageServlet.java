package io.convot.web.problem;

import io.convot.common.ErrorCode;
import io.convot.common.JsonText;
import io.convot.web.RequestIds;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The error page of the whole web module (web.xml): what the servlet container itself refuses (a
 * path it will not decode, a malformed Content-Type, a static file that is not there, an exception
 * outside JAX-RS) is answered as problem+json with a code like everything else, never an HTML page.
 */
@WebServlet(ErrorPageServlet.PATH)
public class ErrorPageServlet extends HttpServlet {

  public static final String PATH = "/errors/problem";
  private static final Logger LOG = Logger.getLogger(ErrorPageServlet.class.getName());

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Object statusAttribute = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    // Asked for directly, this page is a path like any other that serves nothing.
    int status = statusAttribute instanceof Integer code ? code : 404;
    Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    String requestId = requestId(response);
    if (failure instanceof Throwable thrown && status >= 500) {
      LOG.log(Level.SEVERE, "Unexpected error in request " + requestId, thrown);
    }
    ErrorCode code = code(status);
    Problem problem = Problem.of(code, detail(code), requestId, List.of());
    response.resetBuffer();
    response.setStatus(code.status());
    response.setContentType(Problem.MEDIA_TYPE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    if (code.status() == 401) {
      response.setHeader("WWW-Authenticate", "Bearer realm=\"convot\"");
    }
    response.getWriter().write(JsonText.write(problem));
  }

  /** The request's id when the request got as far as the filter, else a new one on this answer. */
  private static String requestId(HttpServletResponse response) {
    String id = RequestIds.current() != null ? RequestIds.current() : response.getHeader(RequestIds.HEADER);
    if (id == null) {
      id = UUID.randomUUID().toString();
      response.setHeader(RequestIds.HEADER, id);
    }
    return id;
  }

  static ErrorCode code(int status) {
    return switch (status) {
      case 400 -> ErrorCode.MALFORMED_REQUEST;
      case 401 -> ErrorCode.UNAUTHENTICATED;
      case 403 -> ErrorCode.INSUFFICIENT_ROLE;
      case 404 -> ErrorCode.NOT_FOUND;
      case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
      case 406 -> ErrorCode.NOT_ACCEPTABLE;
      case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
      case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
      case 503 -> ErrorCode.UNAVAILABLE;
      default -> status >= 400 && status < 500 ? ErrorCode.MALFORMED_REQUEST : ErrorCode.INTERNAL_ERROR;
    };
  }

  private static String detail(ErrorCode code) {
    return switch (code) {
      case MALFORMED_REQUEST -> "The request is malformed (its path, headers or body)";
      case NOT_FOUND -> "No such resource";
      case INTERNAL_ERROR -> "Something went wrong on our side; quote the request id";
      default -> code.title();
    };
  }
}
