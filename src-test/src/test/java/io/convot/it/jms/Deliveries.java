package io.convot.it.jms;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** What the test listeners received, per test run, so that runs never see each other's messages. */
public final class Deliveries {

  private static final Map<String, List<String>> RECEIVED = new ConcurrentHashMap<>();

  private Deliveries() {}

  static void record(String run, String body) {
    RECEIVED.computeIfAbsent(run, key -> new CopyOnWriteArrayList<>()).add(body);
  }

  static List<String> of(String run) {
    return List.copyOf(RECEIVED.getOrDefault(run, List.of()));
  }
}
