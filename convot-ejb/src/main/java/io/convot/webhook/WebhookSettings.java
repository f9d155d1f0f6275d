package io.convot.webhook;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The operator's webhook settings, and the guard, schedule and HTTP client built from them once. */
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

  private TargetGuard guard;
  private RetrySchedule schedule;
  private WebhookHttp http;

  @PostConstruct
  void build() {
    guard = new TargetGuard(allowHttp, allowPrivateTargets);
    schedule = RetrySchedule.parse(retrySchedule);
    http = new WebhookHttp(guard, RetrySchedule.duration(timeout), WebhookHttp.DEFAULT_MAX_CONNECTIONS);
  }

  @PreDestroy
  void close() {
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

  public Duration secretGracePeriod() {
    return secretGracePeriod;
  }

  public Duration disableAfter() {
    return disableAfter;
  }
}
