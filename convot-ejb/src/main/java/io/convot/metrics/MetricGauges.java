package io.convot.metrics;

import io.convot.realtime.LiveClients;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Registers, once per server, the gauges read at each scrape: live sockets open on this server and the
 * depth of each of Convot's queues. The outcome counters start at zero for every outcome, so that a
 * scraper sees them before the first attempt or run.
 */
@Singleton
@Startup
public class MetricGauges {

  @Inject MetricRegistry registry;
  @Inject LiveClients clients;
  @Inject QueueDepths queues;

  @PostConstruct
  void register() {
    registry.gauge(Metadata.builder().withName("convot.live.sockets")
        .withDescription("Live WebSocket connections (dashboards and widgets) open on this server").build(),
        clients, LiveClients::size);
    Metadata depth = Metadata.builder().withName("convot.queue.depth")
        .withDescription("Messages in each of Convot's queues (waiting, scheduled and being delivered); NaN when the broker is external").build();
    for (String queue : QueueDepths.QUEUES) {
      registry.gauge(depth, queues, depths -> depths.depth(queue), new Tag("queue", queue));
    }
    for (String outcome : new String[] {"succeeded", "failed", "gone", "no_response"}) {
      registry.counter(OperationalMetrics.WEBHOOK_ATTEMPTS, new Tag("outcome", outcome));
    }
    for (String outcome : new String[] {"succeeded", "failed"}) {
      registry.counter(OperationalMetrics.SYNC_RUNS, new Tag("outcome", outcome));
      registry.counter(OperationalMetrics.IMPORTS, new Tag("outcome", outcome));
    }
  }
}
