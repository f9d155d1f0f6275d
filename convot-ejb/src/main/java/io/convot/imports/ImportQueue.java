package io.convot.imports;

import io.convot.common.JsonText;
import io.convot.health.BrokerSends;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.Queue;
import java.time.Duration;
import java.util.UUID;

/**
 * The queue of import steps; a send joins the caller's transaction, so a step is queued with what
 * the last one stored. Each step message has a duplicate id of its own (the import's id and the
 * step's number), so that one sent again is dropped by the broker when it still has the original.
 */
@ApplicationScoped
public class ImportQueue {

  @Resource(lookup = "jms/convotImports")
  Queue steps;

  @Inject BrokerSends broker;

  /** A step message: {@code {"organization_id", "import_id", "step"}}. */
  public record StepMessage(UUID organizationId, UUID importId, int step) {}

  void queue(UUID organizationId, UUID importId, int step, Duration delay) {
    broker.send(steps, new StepMessage(organizationId, importId, step), delay, duplicateId(importId, step));
  }

  static String duplicateId(UUID importId, int step) {
    return "import:" + importId + ":" + step;
  }

  static StepMessage read(String text) {
    return JsonText.JSONB.fromJson(text, StepMessage.class);
  }
}
