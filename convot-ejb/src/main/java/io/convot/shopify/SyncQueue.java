package io.convot.shopify;

import io.convot.common.JsonText;
import io.convot.health.BrokerSends;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.Queue;
import java.util.UUID;

/** The queue of sync runs; a send joins the caller's transaction, so a run is queued with its row. */
@ApplicationScoped
public class SyncQueue {

  @Resource(lookup = "jms/convotShopifySync")
  Queue runs;

  @Inject BrokerSends broker;

  /** A run message: {@code {"organization_id", "run_id"}}. */
  public record RunMessage(UUID organizationId, UUID runId) {}

  public void queue(UUID organizationId, UUID runId) {
    broker.send(runs, new RunMessage(organizationId, runId));
  }

  static RunMessage read(String text) {
    return JsonText.JSONB.fromJson(text, RunMessage.class);
  }
}
