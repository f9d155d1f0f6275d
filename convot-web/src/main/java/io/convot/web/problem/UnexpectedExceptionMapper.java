package io.convot.web.problem;

import io.convot.common.ConvotException;
import io.convot.common.ErrorCode;
import io.convot.web.RequestIds;
import io.convot.web.json.BodyConstraints;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything else. A known cause wrapped by the container is unwrapped; an unreadable body is a
 * 400; losing a race to a concurrent request is a 409; an unreachable message broker (a change's
 * live update goes out in the change's transaction) or a lost database connection is a 503 to
 * retry; a real bug is a 500 whose details go to the log under the request id, never to the client.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

  private static final String UNIQUE_VIOLATION = "23505";
  static final int RETRY_AFTER_SECONDS = 5;
  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

  @Inject Problems problems;
  @Inject ConvotExceptionMapper convot;
  @Inject WebApplicationExceptionMapper web;

  @Override
  public Response toResponse(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof ConvotException known) {
        return convot.toResponse(known);
      }
      if (cause instanceof WebApplicationException framework && !(cause instanceof EJBException)) {
        return web.toResponse(framework);
      }
      if (cause instanceof jakarta.validation.ConstraintViolationException invalid) {
        return problems.response(ErrorCode.VALIDATION_FAILED, "The request has invalid fields",
            BodyConstraints.fieldErrors(invalid.getConstraintViolations()));
      }
      if (cause instanceof ProcessingException || cause instanceof jakarta.json.bind.JsonbException
          || cause instanceof jakarta.json.JsonException) {
        return problems.response(ErrorCode.MALFORMED_REQUEST, Problems.MALFORMED_BODY, List.of());
      }
      if (cause instanceof java.sql.SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        // A concurrent request created the same thing first; this one was rolled back whole.
        return problems.response(ErrorCode.CONFLICT, "A concurrent request changed the same data; retry", List.of());
      }
      if (cause instanceof java.sql.SQLException sql && isConnectionLost(sql.getSQLState())) {
        // A pooled connection the database dropped (it restarted, or ended the session): the pool
        // discards it, and the transaction was rolled back whole, so a retry succeeds.
        String databaseError = sql.getSQLState();
        LOG.warning(() -> "Request " + RequestIds.current() + " failed: its database connection was lost (SQLState " + databaseError + ")");
        return unavailable("The database connection was lost; retry shortly");
      }
      if (cause instanceof jakarta.jms.JMSRuntimeException || cause instanceof jakarta.jms.JMSException) {
        String brokerError = cause.toString();
        LOG.warning(() -> "Request " + RequestIds.current() + " failed: the message broker did not answer (" + brokerError + ")");
        return unavailable("The message broker is unreachable; retry shortly");
      }
    }
    LOG.log(Level.SEVERE, "Unexpected error in request " + RequestIds.current(), e);
    return problems.response(ErrorCode.INTERNAL_ERROR, "Something went wrong on our side; quote the request id", List.of());
  }

  private Response unavailable(String detail) {
    return Response.fromResponse(problems.response(ErrorCode.UNAVAILABLE, detail, List.of()))
        .header("Retry-After", RETRY_AFTER_SECONDS).build();
  }

  /** SQLState class 08 (connection exception) or 57P01-57P03 (the server shut down or is starting). */
  private static boolean isConnectionLost(String sqlState) {
    return sqlState != null && (sqlState.startsWith("08") || sqlState.matches("57P0[1-3]"));
  }
}
