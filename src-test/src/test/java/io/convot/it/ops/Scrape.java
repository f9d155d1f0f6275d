package io.convot.it.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Api;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.hawkular.agent.prometheus.text.TextPrometheusMetricDataParser;
import org.hawkular.agent.prometheus.types.Counter;
import org.hawkular.agent.prometheus.types.Gauge;
import org.hawkular.agent.prometheus.types.Histogram;
import org.hawkular.agent.prometheus.types.Metric;
import org.hawkular.agent.prometheus.types.MetricFamily;

/** One scrape of {@code /metrics}, read by a Prometheus text-format parser (Hawkular's) into metric families. */
public record Scrape(List<MetricFamily> families) {

  static final String TOKEN = System.getProperty("convot.test.metrics-token", "");

  public static Scrape take() {
    Api.Reply reply = Api.anonymous().header("Authorization", "Bearer " + TOKEN).get("/metrics");
    assertEquals(200, reply.status(), reply::toString);
    assertTrue(reply.contentType().startsWith("text/plain"), reply.contentType());
    try {
      Files.writeString(Path.of("target/metrics-scrape.txt"), reply.body());
      TextPrometheusMetricDataParser parser = new TextPrometheusMetricDataParser(
          new ByteArrayInputStream(reply.body().getBytes(StandardCharsets.UTF_8)));
      List<MetricFamily> families = new ArrayList<>();
      for (MetricFamily family = parser.parse(); family != null; family = parser.parse()) {
        families.add(family);
      }
      return new Scrape(families);
    } catch (IOException e) {
      throw new IllegalStateException("/metrics is not in Prometheus' text format", e);
    }
  }

  Optional<MetricFamily> family(String name) {
    return families.stream().filter(family -> family.getName().equals(name)).findFirst();
  }

  List<Metric> metrics(String family, Predicate<Map<String, String>> labels) {
    return family(family).map(MetricFamily::getMetrics).orElse(List.of()).stream()
        .filter(metric -> labels.test(metric.getLabels())).toList();
  }

  /** A counter's value, 0 when the scrape does not have it yet. */
  public double counter(String family, Predicate<Map<String, String>> labels) {
    return metrics(family, labels).stream().mapToDouble(metric -> ((Counter) metric).getValue()).sum();
  }

  double gauge(String family, Predicate<Map<String, String>> labels) {
    List<Metric> found = metrics(family, labels);
    assertEquals(1, found.size(), () -> "one " + family + " with those labels in " + names());
    return ((Gauge) found.get(0)).getValue();
  }

  Histogram histogram(String family, Predicate<Map<String, String>> labels) {
    List<Metric> found = metrics(family, labels);
    assertEquals(1, found.size(), () -> "one " + family + " with those labels: " + found);
    return (Histogram) found.get(0);
  }

  long histogramCount(String family, Predicate<Map<String, String>> labels) {
    return metrics(family, labels).stream().mapToLong(metric -> ((Histogram) metric).getSampleCount()).sum();
  }

  List<String> names() {
    return families.stream().map(MetricFamily::getName).toList();
  }
}
