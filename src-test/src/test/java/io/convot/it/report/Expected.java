package io.convot.it.report;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The figures of a range computed from a {@link ReportHistory}'s script alone, as the issue defines
 * them: the tests compare the API's answers with these.
 */
final class Expected {

  final Instant from;
  final Instant to;
  final ZoneId zone;
  final List<Instant> starts = new ArrayList<>();
  private final List<ReportHistory.Conv> conversations;

  /** Dates {@code [fromDate, toDate)} in {@code zone}, cut per day or per ISO week (the first entry from {@code fromDate}). */
  Expected(ReportHistory history, String appId, LocalDate fromDate, LocalDate toDate, ZoneId zone, boolean weeks) {
    this.zone = zone;
    this.from = fromDate.atStartOfDay(zone).toInstant();
    this.to = toDate.atStartOfDay(zone).toInstant();
    this.conversations = history.conversations.stream().filter(c -> appId == null || c.appId.equals(appId)).toList();
    LocalDate day = fromDate;
    while (day.isBefore(toDate)) {
      starts.add(day.atStartOfDay(zone).toInstant());
      day = weeks ? day.with(TemporalAdjusters.next(DayOfWeek.MONDAY)) : day.plusDays(1);
    }
  }

  /** Instants {@code [from, to)} in UTC, one entry: for the headline figures only. */
  Expected(ReportHistory history, String appId, Instant from, Instant to) {
    this.zone = ZoneId.of("UTC");
    this.from = from;
    this.to = to;
    this.conversations = history.conversations.stream().filter(c -> appId == null || c.appId.equals(appId)).toList();
    starts.add(from);
  }

  boolean in(Instant time) {
    return time != null && !time.isBefore(from) && time.isBefore(to);
  }

  int bucket(Instant time) {
    int k = 0;
    while (k + 1 < starts.size() && !time.isBefore(starts.get(k + 1))) {
      k++;
    }
    return k;
  }

  List<ReportHistory.Conv> created() {
    return conversations.stream().filter(c -> in(c.created)).toList();
  }

  List<Instant> createdTimes() {
    return created().stream().map(c -> c.created).toList();
  }

  List<ReportHistory.Resolution> resolutionsIn() {
    return conversations.stream().flatMap(c -> c.resolutions.stream()).filter(r -> in(r.at())).toList();
  }

  List<Instant> resolvedTimes() {
    return resolutionsIn().stream().map(ReportHistory.Resolution::at).toList();
  }

  List<ReportHistory.Msg> counted(Predicate<ReportHistory.Msg> which) {
    return conversations.stream().flatMap(c -> c.messages.stream())
        .filter(m -> !m.note() && !m.isDeleted() && in(m.at()) && which.test(m)).toList();
  }

  List<Instant> receivedTimes() {
    return counted(ReportHistory.Msg::visitor).stream().map(ReportHistory.Msg::at).toList();
  }

  List<Instant> sentTimes() {
    return counted(m -> !m.visitor()).stream().map(ReportHistory.Msg::at).toList();
  }

  long unanswered() {
    return created().stream().filter(c -> c.firstVisitor() != null && c.firstReply() == null).count();
  }

  /** First responses counted in the range (of their reply): the reply's time, the responder and the duration. */
  record FirstResponse(Instant at, String by, double seconds) {}

  List<FirstResponse> firstResponses() {
    List<FirstResponse> found = new ArrayList<>();
    for (ReportHistory.Conv c : conversations) {
      ReportHistory.Msg reply = c.firstReply();
      if (reply != null && in(reply.at())) {
        found.add(new FirstResponse(reply.at(), reply.by(), seconds(c.firstVisitor().at(), reply.at())));
      }
    }
    return found;
  }

  record Resolved(String by, double seconds) {}

  List<Resolved> resolutionTimes() {
    List<Resolved> found = new ArrayList<>();
    for (ReportHistory.Conv c : conversations) {
      for (ReportHistory.Resolution r : c.resolutions) {
        if (in(r.at())) {
          found.add(new Resolved(r.by(), seconds(c.created, r.at())));
        }
      }
    }
    return found;
  }

  long[] perBucket(List<Instant> times) {
    long[] counts = new long[starts.size()];
    times.forEach(t -> counts[bucket(t)]++);
    return counts;
  }

  Double[] firstResponseMedians() {
    Double[] medians = new Double[starts.size()];
    for (int k = 0; k < starts.size(); k++) {
      int bucket = k;
      medians[k] = percentile(firstResponses().stream().filter(f -> bucket(f.at()) == bucket).map(FirstResponse::seconds).toList(), 0.5);
    }
    return medians;
  }

  /** Per member id (null for the API): sent, resolved, first-response and resolution durations. */
  record Agent(long sent, long resolved, List<Double> firstResponses, List<Double> resolutions) {}

  Map<String, Agent> agents() {
    Map<String, Agent> agents = new LinkedHashMap<>();
    List<String> ids = new ArrayList<>();
    counted(m -> !m.visitor()).forEach(m -> ids.add(m.by()));
    resolutionTimes().forEach(r -> ids.add(r.by()));
    firstResponses().forEach(f -> ids.add(f.by()));
    ids.add(null);
    for (String id : ids.stream().distinct().toList()) {
      agents.put(id, new Agent(counted(m -> !m.visitor() && Objects.equals(m.by(), id)).size(),
          resolutionTimes().stream().filter(r -> Objects.equals(r.by(), id)).count(),
          firstResponses().stream().filter(f -> Objects.equals(f.by(), id)).map(FirstResponse::seconds).toList(),
          resolutionTimes().stream().filter(r -> Objects.equals(r.by(), id)).map(Resolved::seconds).toList()));
    }
    return agents;
  }

  /** PostgreSQL's percentile_cont: linear interpolation between the sorted values; null for none. */
  static Double percentile(List<Double> values, double fraction) {
    if (values.isEmpty()) {
      return null;
    }
    List<Double> sorted = values.stream().sorted(Comparator.naturalOrder()).toList();
    double position = fraction * (sorted.size() - 1);
    int low = (int) Math.floor(position);
    int high = (int) Math.ceil(position);
    return sorted.get(low) + (sorted.get(high) - sorted.get(low)) * (position - low);
  }

  static double seconds(Instant start, Instant end) {
    Duration d = Duration.between(start, end);
    return d.getSeconds() + d.getNano() / 1e9;
  }
}
