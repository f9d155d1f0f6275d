package io.convot.it.browser;

import static io.convot.it.browser.InboxFixtures.say;
import static io.convot.it.browser.InboxFixtures.seenInList;
import static io.convot.it.browser.InboxFixtures.visitor;

import io.convot.it.support.Dashboard;
import io.convot.it.support.Organizations;
import io.convot.it.support.Widget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A measurement, not a timed assertion: how long from a visitor's {@code POST /widget/v1/messages}
 * to the message showing in an agent's open inbox, over 100 messages of 10 visitors, one at a time.
 * The send is timed in this JVM, the showing by the dashboard page itself (a MutationObserver on the
 * list, {@code Date.now()}): one machine, one clock. Prints {@code inbox latency p50=..ms p95=..ms}.
 */
class InboxLatencyBrowserIT {

  private static final int VISITORS = 10;
  private static final int WARM_UP = 5;
  private static final int MEASURED = 100;

  @Test
  void measuresHowSoonAVisitorsMessageShowsInTheInbox() {
    Organizations.Owner owner = Organizations.signUp("Latency Co");
    Widget widget = new Widget(Widget.createApp(owner.api(), "Latency app", false).getString("app_key"));
    List<String> visitors = new ArrayList<>();
    for (int i = 0; i < VISITORS; i++) {
      String token = visitor(widget, "Visitor " + i, "latency" + i + "@example.test", Map.of(), List.of());
      say(token, "Hello from visitor " + i);
      visitors.add(token);
    }

    try (Dashboard dashboard = new Dashboard().signedIn(owner.token())) {
      dashboard.open("/inbox/open");
      InboxFixtures.awaitListed(dashboard, VISITORS);
      List<Long> latencies = new ArrayList<>();
      for (int i = 0; i < WARM_UP + MEASURED; i++) {
        String text = "probe " + i + " from the latency test";
        InboxFixtures.watch(dashboard, text);
        long sentAt = System.currentTimeMillis();
        say(visitors.get(i % VISITORS), text);
        long latency = seenInList(dashboard, text, Duration.ofSeconds(30)) - sentAt;
        if (i >= WARM_UP) {
          latencies.add(latency);
        }
      }
      Collections.sort(latencies);
      System.out.printf("inbox latency p50=%dms p95=%dms (min %d, max %d, %d messages)%n", percentile(latencies, 50),
          percentile(latencies, 95), latencies.get(0), latencies.get(latencies.size() - 1), latencies.size());
    }
  }

  private static long percentile(List<Long> sorted, int p) {
    return sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }
}
