package io.convot.idempotency;

import java.util.Map;

/** The response a key's first request got: status, the headers a replay repeats, the exact body bytes. */
public record StoredResponse(int status, Map<String, String> headers, byte[] body) {

  /**
   * Whether a request's outcome is kept for its key. Only successes are: a refusal (4xx) rolled its
   * transaction back and changed nothing, so running it again is safe and lets the client correct
   * it under the same key; a failure on our side (5xx, a 503 to retry above all) says nothing about
   * what the request would do, so the retry must really run.
   */
  public static boolean keeps(int status) {
    return status >= 200 && status < 400;
  }

  public StoredResponse {
    headers = Map.copyOf(headers);
    body = body.clone();
  }

  @Override
  public byte[] body() {
    return body.clone();
  }
}
