package io.convot.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How imports wait on Crisp: the pause after a rate limit (doubling while it lasts, at most the longest), and failures. */
@ApplicationScoped
public class ImportSettings {

  @Inject
  @ConfigProperty(name = "convot.imports.rate-limit-pause", defaultValue = "PT1M")
  Duration rateLimitPause;

  @Inject
  @ConfigProperty(name = "convot.imports.rate-limit-longest-pause", defaultValue = "PT15M")
  Duration longestPause;

  @Inject
  @ConfigProperty(name = "convot.imports.max-failures", defaultValue = "12")
  int maxFailures;

  @Inject
  @ConfigProperty(name = "convot.imports.retry-delay", defaultValue = "PT10S")
  Duration retryDelay;

  Duration rateLimitPause() {
    return rateLimitPause;
  }

  Duration longestPause() {
    return longestPause;
  }

  int maxFailures() {
    return maxFailures;
  }

  Duration retryDelay() {
    return retryDelay;
  }
}
