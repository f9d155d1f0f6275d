package io.convot.realtime;

import io.convot.common.JsonText;
import io.convot.health.BrokerSends;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.Topic;
import java.util.UUID;

/**
 * Publishes live updates and revocations to the realtime topic in the caller's transaction: a
 * rolled-back change publishes nothing.
 */
@ApplicationScoped
public class LiveUpdates {

  @Resource(lookup = "jms/convotRealtime")
  Topic topic;

  @Inject BrokerSends broker;

  public void publish(UUID organizationId, UUID contactId, Object agentPayload, Object visitorPayload) {
    broker.send(topic, LiveEvent.ofUpdate(organizationId, contactId, JsonText.write(agentPayload),
        visitorPayload == null ? null : JsonText.write(visitorPayload)));
  }

  /**
   * Closes, on every server, the live connections opened with credentials that this transaction
   * revokes. Published only if it commits, so a refused change closes nothing.
   */
  public void revoke(UUID organizationId, Revocation revocation) {
    broker.send(topic, LiveEvent.ofRevocation(organizationId, revocation));
  }
}
