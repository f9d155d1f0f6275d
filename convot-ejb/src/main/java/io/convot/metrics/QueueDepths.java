package io.convot.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Set;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Queue depths as the embedded Artemis broker reports them on the platform MBean server (its queue
 * MBeans' {@code MessageCount}). An external broker's queues are not in this JVM: their depth is NaN here,
 * and the broker's own metrics tell it.
 */
@ApplicationScoped
public class QueueDepths {

  /** Convot's durable queues and the dead-letter queue. */
  static final List<String> QUEUES = List.of("convot.webhooks.events", "convot.webhooks.attempts",
      "convot.shopify.sync", "convot.mail", "convot.mail.members", "convot.notifications.notices",
      "convot.notifications.channel-posts", "convot.imports", "convot.exports", "DLQ");

  private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

  public double depth(String queue) {
    try {
      Set<ObjectName> found = server.queryNames(new ObjectName("org.apache.activemq.artemis:component=addresses,subcomponent=queues,queue="
          + ObjectName.quote(queue) + ",*"), null);
      if (found.isEmpty()) {
        return Double.NaN;
      }
      return ((Number) server.getAttribute(found.iterator().next(), "MessageCount")).doubleValue();
    } catch (JMException | RuntimeException e) {
      return Double.NaN;
    }
  }
}
