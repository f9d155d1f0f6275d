package io.convot.shopify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How often each connected integration is synced: {@code convot.shopify.sync-interval} (ISO-8601). */
@ApplicationScoped
public class SyncInterval {

  @Inject
  @ConfigProperty(name = "convot.shopify.sync-interval", defaultValue = "PT15M")
  Duration interval;

  public Duration get() {
    return interval;
  }
}
