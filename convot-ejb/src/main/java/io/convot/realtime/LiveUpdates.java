package io.convot.realtime;

import io.convot.common.JsonText;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.convot.health.BrokerSends;
import jakarta.jms.Topic;
import java.util.UUID;

/**
 * Publishes live updates to the realtime topic in the caller's transaction: a rolled-back change
 * publishes nothing.
 */
@ApplicationScoped
public class LiveUpdates {

  @Resource(lookup = "jms/convotRealtime")
  Topic topic;

  @Inject BrokerSends broker;

  public void publish(UUID organizationId, UUID contactId, Object agentPayload, Object visitorPayload) {
    LiveEvent event = new LiveEvent(organizationId, contactId, JsonText.write(agentPayload),
        visitorPayload == null ? null : JsonText.write(visitorPayload));
    broker.send(topic, event);
  }
}
