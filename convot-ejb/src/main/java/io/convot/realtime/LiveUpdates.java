package io.convot.realtime;

import io.convot.common.JsonText;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.inject.Inject;
import io.convot.health.BrokerStatus;
import jakarta.jms.Topic;
import java.util.UUID;

/**
 * Publishes live updates to the realtime topic in the caller's transaction: a rolled-back change
 * publishes nothing.
 */
@ApplicationScoped
public class LiveUpdates {

  @Resource(lookup = "jms/convot")
  ConnectionFactory connections;

  @Resource(lookup = "jms/convotRealtime")
  Topic topic;

  @Inject BrokerStatus broker;

  public void publish(UUID organizationId, UUID contactId, Object agentPayload, Object visitorPayload) {
    LiveEvent event = new LiveEvent(organizationId, contactId, JsonText.write(agentPayload),
        visitorPayload == null ? null : JsonText.write(visitorPayload));
    broker.send(() -> {
      try (JMSContext context = connections.createContext()) {
        context.createProducer().send(topic, JsonText.write(event));
      }
    });
  }
}
