package io.convot.web.idempotency;

import io.convot.access.CurrentCaller;
import io.convot.common.ConvotException;
import io.convot.common.ErrorCode;
import io.convot.idempotency.Admission;
import io.convot.idempotency.IdempotencyService;
import io.convot.idempotency.IdempotentRequest;
import io.convot.idempotency.StoredResponse;
import io.convot.web.problem.Problems;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A POST with an {@code Idempotency-Key} runs once per key: a retry with the same key and the same
 * request gets the first response again (with {@code Idempotent-Replayed: true}), the same key with
 * another request is a 422, and while the first still runs a retry is a 409 to try again. It runs
 * after authentication (the key belongs to the caller) and after every other check that may refuse
 * the request, so that a refused request never claims a key. POSTs that need no token (sign-up,
 * sign-in, accepting an invitation) have no caller to own a key: the header is ignored there.
 */
@Provider
@Priority(Priorities.USER + 1000)
public class IdempotentPosts implements ContainerRequestFilter, ContainerResponseFilter, WriterInterceptor {

  public static final String KEY_HEADER = "Idempotency-Key";
  public static final String REPLAYED_HEADER = "Idempotent-Replayed";
  private static final Logger LOG = Logger.getLogger(IdempotentPosts.class.getName());
  private static final String RUN = "convot.idempotency.run";
  private static final String STATUS = "convot.idempotency.status";
  private static final int RETRY_AFTER_SECONDS = 1;
  /** What a replay repeats: what the response says about its body and its object, not about this exchange. */
  private static final Set<String> KEPT_HEADERS = Set.of("location", "content-type", "content-language",
      "content-disposition", "cache-control", "etag", "last-modified", "link");

  @Inject CurrentCaller caller;
  @Inject IdempotencyService keys;
  @Inject Problems problems;

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    List<String> sent = request.getHeaders().get(KEY_HEADER);
    if (!HttpMethod.POST.equals(request.getMethod()) || sent == null || !caller.isPresent()) {
      return;
    }
    if (sent.size() > 1) {
      throw new ConvotException(ErrorCode.IDEMPOTENCY_KEY_INVALID, "Send one Idempotency-Key, not " + sent.size());
    }
    byte[] body = request.getEntityStream().readAllBytes();
    request.setEntityStream(new ByteArrayInputStream(body));
    URI uri = request.getUriInfo().getRequestUri();
    String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    Admission admission;
    try {
      admission = keys.admit(IdempotentRequest.of(sent.get(0), request.getMethod(), path, body));
    } catch (ConvotException e) {
      if (e.errorCode() != ErrorCode.IDEMPOTENCY_KEY_IN_USE) {
        throw e;
      }
      request.abortWith(Response.fromResponse(problems.response(e.errorCode(), e.getMessage(), List.of()))
          .header("Retry-After", RETRY_AFTER_SECONDS).build());
      return;
    }
    if (admission instanceof Admission.Replay replay) {
      request.abortWith(replayOf(replay.response()));
    } else {
      request.setProperty(RUN, admission);
    }
  }

  /** Releases the key of an outcome that is not kept; a kept one is recorded here or, with a body, as it is written. */
  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!(request.getProperty(RUN) instanceof Admission.Proceed run)) {
      return;
    }
    if (!StoredResponse.keeps(response.getStatus())) {
      request.removeProperty(RUN);
      safely(() -> keys.release(run), run);
    } else if (!response.hasEntity()) {
      request.removeProperty(RUN);
      safely(() -> keys.complete(run, new StoredResponse(response.getStatus(), kept(response.getHeaders()), new byte[0])), run);
    } else {
      request.setProperty(STATUS, response.getStatus());
    }
  }

  /**
   * Keeps the exact bytes of a kept response's body. They reach the client only once they are stored,
   * so a client that has the response and retries is always answered with a replay.
   */
  @Override
  public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
    if (!(context.getProperty(RUN) instanceof Admission.Proceed run) || !(context.getProperty(STATUS) instanceof Integer status)) {
      context.proceed();
      return;
    }
    context.removeProperty(RUN);
    OutputStream client = context.getOutputStream();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    context.setOutputStream(body);
    try {
      context.proceed();
    } catch (IOException | RuntimeException e) {
      safely(() -> keys.release(run), run);
      throw e;
    } finally {
      context.setOutputStream(client);
    }
    Map<String, String> headers = kept(context.getHeaders());
    if (context.getMediaType() != null) {
      headers.put(HttpHeaders.CONTENT_TYPE, context.getMediaType().toString());
    }
    safely(() -> keys.complete(run, new StoredResponse(status, headers, body.toByteArray())), run);
    client.write(body.toByteArray());
  }

  private static Response replayOf(StoredResponse stored) {
    Response.ResponseBuilder replay = Response.status(stored.status());
    stored.headers().forEach(replay::header);
    if (stored.body().length > 0) {
      replay.entity(stored.body());
    }
    return replay.header(REPLAYED_HEADER, "true").build();
  }

  private static Map<String, String> kept(MultivaluedMap<String, Object> headers) {
    Map<String, String> kept = new LinkedHashMap<>();
    headers.forEach((name, values) -> {
      if (KEPT_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT)) && !values.isEmpty()) {
        kept.put(name, String.valueOf(values.get(0)));
      }
    });
    return kept;
  }

  /**
   * The request's own outcome stands even when its key cannot be updated (the database went away):
   * the key then stays claimed until its lock times out, after which a retry runs again.
   */
  private static void safely(Runnable update, Admission.Proceed run) {
    try {
      update.run();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Idempotency key " + run.keyId() + " could not be updated; it is freed when its lock times out", e);
    }
  }
}
