package io.convot.webhook;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The operator's webhook settings, and the guard, schedule, HTTP client and sender threads built from them once. */
@ApplicationScoped
public class WebhookSettings {

  @Inject
  @ConfigProperty(name = "convot.webhooks.allow-private-targets", defaultValue = "false")
  boolean allowPrivateTargets;

  @Inject
  @ConfigProperty(name = "convot.webhooks.allow-http", defaultValue = "false")
  boolean allowHttp;

  @Inject
  @ConfigProperty(name = "convot.webhooks.retry-schedule", defaultValue = "0s,5s,30s,2m,10m,30m,1h,3h,6h,12h,18h,24h")
  String retrySchedule;

  @Inject
  @ConfigProperty(name = "convot.webhooks.timeout", defaultValue = "15s")
  String timeout;

  @Inject
  @ConfigProperty(name = "convot.webhooks.secret-grace-period", defaultValue = "PT24H")
  Duration secretGracePeriod;

  @Inject
  @ConfigProperty(name = "convot.webhooks.disable-after", defaultValue = "P5D")
  Duration disableAfter;

  @Inject
  @ConfigProperty(name = "convot.webhooks.concurrency", defaultValue = "32")
  int concurrency;

  private TargetGuard guard;
  private RetrySchedule schedule;
  private WebhookHttp http;
  private ExecutorService senders;

  @PostConstruct
  void build() {
    guard = new TargetGuard(allowHttp, allowPrivateTargets);
    schedule = RetrySchedule.parse(retrySchedule);
    http = new WebhookHttp(guard, RetrySchedule.duration(timeout), WebhookHttp.DEFAULT_MAX_CONNECTIONS);
    senders = senderThreads(concurrency);
  }

  /**
   * Threads of their own for the POSTs, not the server's shared pool: the listener waits for its
   * batch's POSTs, and waiting for tasks queued behind itself in the same pool starves them.
   */
  private static ExecutorService senderThreads(int count) {
    AtomicInteger created = new AtomicInteger();
    ThreadPoolExecutor threads = new ThreadPoolExecutor(count, count, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), runnable -> {
      Thread thread = new Thread(runnable, "convot-webhook-sender-" + created.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    threads.allowCoreThreadTimeOut(true);
    return threads;
  }

  @PreDestroy
  void close() {
    senders.shutdownNow();
    http.close();
  }

  public TargetGuard guard() {
    return guard;
  }

  public RetrySchedule schedule() {
    return schedule;
  }

  public WebhookHttp http() {
    return http;
  }

  /** Where attempts' POSTs run: at most {@code convot.webhooks.concurrency} at once, the others queued. */
  public ExecutorService senders() {
    return senders;
  }

  public Duration secretGracePeriod() {
    return secretGracePeriod;
  }

  public Duration disableAfter() {
    return disableAfter;
  }
}
