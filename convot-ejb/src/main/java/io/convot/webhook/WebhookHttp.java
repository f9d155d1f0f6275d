package io.convot.webhook;

import io.convot.common.ConvotException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.io.HttpClientConnectionManager;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Sends one delivery attempt: a JSON POST to an endpoint, answered by an {@link AttemptResult},
 * never by an exception for what the network or the receiver did. Create one per application and
 * share it: it holds the connection pool that every attempt, on every thread, draws from.
 */
public final class WebhookHttp implements AutoCloseable {

  /** The contract's limit for one attempt. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);
  /** Keep it at least as high as the number of attempts that may run at once. */
  public static final int DEFAULT_MAX_CONNECTIONS = 200;

  /** Sent unless the caller names itself; never the client library's own name and version. */
  private static final String DEFAULT_USER_AGENT = "Convot-Webhooks";
  /** JSON is UTF-8 by definition (RFC 8259), so the contract's bare media type is enough. */
  private static final ContentType JSON = ContentType.create("application/json");

  private final TargetGuard guard;
  private final Duration timeout;
  private final CloseableHttpClient client;
  /** Cancels an attempt that outlives its timeout, however slowly its receiver trickles bytes. */
  private final ScheduledThreadPoolExecutor deadlines;

  public WebhookHttp(TargetGuard guard) {
    this(guard, DEFAULT_TIMEOUT, DEFAULT_MAX_CONNECTIONS);
  }

  /**
   * @param timeout the limit to connect, to wait for each part of the response, and for the
   *     attempt as a whole
   * @param maxConnections how many connections the pool holds, in all and to one endpoint
   */
  public WebhookHttp(TargetGuard guard, Duration timeout, int maxConnections) {
    if (timeout.isNegative() || timeout.isZero() || maxConnections < 1) {
      throw new IllegalArgumentException("A webhook client needs a positive timeout and connection count");
    }
    this.guard = guard;
    this.timeout = timeout;
    this.client = HttpClients.custom()
        .setConnectionManager(connectionPool(guard, timeout, maxConnections))
        .setDefaultRequestConfig(RequestConfig.custom()
            .setConnectionRequestTimeout(Timeout.of(timeout))
            .setResponseTimeout(Timeout.of(timeout))
            .build())
        // A redirect is the receiver's answer, not an invitation to call somewhere else.
        .disableRedirectHandling()
        // One attempt is one POST; the retry schedule decides about the next one.
        .disableAutomaticRetries()
        .disableCookieManagement()
        .disableAuthCaching()
        .disableContentCompression()
        .evictIdleConnections(TimeValue.ofMinutes(1))
        .setUserAgent(DEFAULT_USER_AGENT)
        // No proxy from system properties: a proxy would resolve hosts where no guard checks them.
        .build();
    this.deadlines = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "convot-webhook-deadlines");
      thread.setDaemon(true);
      return thread;
    });
    this.deadlines.setRemoveOnCancelPolicy(true);
  }

  private static HttpClientConnectionManager connectionPool(TargetGuard guard, Duration timeout, int maxConnections) {
    return PoolingHttpClientConnectionManagerBuilder.create()
        .setDnsResolver(new GuardedDnsResolver(guard))
        // Receivers are strangers: bound what their response head may make us hold in memory.
        .setConnectionFactory(ManagedHttpClientConnectionFactory.builder()
            .http1Config(Http1Config.custom().setMaxLineLength(16 * 1024).setMaxHeaderCount(200).build())
            .build())
        .setMaxConnTotal(maxConnections)
        .setMaxConnPerRoute(maxConnections)
        .setDefaultConnectionConfig(ConnectionConfig.custom()
            .setConnectTimeout(Timeout.of(timeout))
            .setSocketTimeout(Timeout.of(timeout))
            // A pooled connection the receiver closed meanwhile would fail the attempt for nothing.
            .setValidateAfterInactivity(TimeValue.ofSeconds(2))
            .build())
        .build();
  }

  /**
   * POSTs {@code jsonBody} to {@code url} with the caller's {@code headers} (the {@code webhook-*}
   * and {@code Convot-*} headers, {@code User-Agent}); this sets {@code Content-Type} itself. The
   * URL is checked again by the {@link TargetGuard}, and its addresses once more as it connects.
   */
  public AttemptResult send(String url, Map<String, String> headers, String jsonBody) {
    long start = System.nanoTime();
    HttpPost post;
    try {
      post = new HttpPost(guard.checkSyntax(url));
    } catch (ConvotException refused) {
      return AttemptResult.failure(since(start), "not sent: " + refused.fieldErrors().get(0).message());
    }
    headers.forEach(post::setHeader);
    post.setEntity(new ByteArrayEntity(jsonBody.getBytes(StandardCharsets.UTF_8), JSON));

    // Marked before cancelling, so the failure the cancellation causes is told apart from others.
    AtomicBoolean expired = new AtomicBoolean();
    ScheduledFuture<?> deadline = deadlines.schedule(() -> {
      expired.set(true);
      post.cancel();
    }, timeout.toMillis(), TimeUnit.MILLISECONDS);
    try {
      ClassicHttpResponse response = client.executeOpen(null, post, null);
      try {
        String excerpt = readExcerpt(response.getEntity(), post);
        return AttemptResult.response(response.getCode(), since(start), excerpt, retryAfter(response));
      } finally {
        closeQuietly(response);
      }
    } catch (IOException failure) {
      return AttemptResult.failure(since(start), TransportErrors.describe(failure, expired.get(), timeout));
    } finally {
      deadline.cancel(false);
    }
  }

  /**
   * The first bytes of the body. When more follows, the connection is dropped rather than read to
   * the end: a receiver could answer with gigabytes.
   */
  private static String readExcerpt(HttpEntity entity, HttpPost post) {
    if (entity == null) {
      return "";
    }
    byte[] head = new byte[0];
    try (InputStream body = entity.getContent()) {
      head = body.readNBytes(ResponseExcerpt.MAX_BYTES);
      if (body.read() != -1) {
        post.cancel();
      }
    } catch (IOException e) {
      // The status has arrived, and it is what counts; the excerpt is only what could be read.
    }
    return ResponseExcerpt.of(head);
  }

  /** Once the status has arrived, the attempt's outcome is known; a failing close cannot change it. */
  private static void closeQuietly(ClassicHttpResponse response) {
    try {
      response.close();
    } catch (IOException e) {
      // the connection is discarded either way
    }
  }

  private static Optional<Duration> retryAfter(ClassicHttpResponse response) {
    if (response.getCode() != 429 && response.getCode() != 503) {
      return Optional.empty();
    }
    Header header = response.getFirstHeader("Retry-After");
    return header == null ? Optional.empty() : RetryAfter.parse(header.getValue(), Instant.now());
  }

  private static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  @Override
  public void close() {
    deadlines.shutdownNow();
    client.close(CloseMode.GRACEFUL);
  }
}
