package io.convot.it.support.crisp;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** One Crisp website of the simulator: its token pair, people, conversations with messages, faults and the requests it got. */
public final class CrispWebsite {

  /** How the simulated API fails a request, as Crisp does. */
  public enum Fault { RATE_LIMITED, RATE_LIMITED_420, SERVER_ERROR }

  /** A request: when it arrived ({@code at}) and when it was answered. */
  public record Request(Instant at, Instant answered, String path, String query, int status) {}

  private final String id;
  private final String name;
  private final String identifier = UUID.randomUUID().toString();
  private final String key = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
  private final List<JsonObject> people = Collections.synchronizedList(new ArrayList<>());
  private final List<JsonObject> conversations = Collections.synchronizedList(new ArrayList<>());
  /** Each conversation's messages, oldest first, as the JSON Crisp sends (written once, not at every request). */
  private final Map<String, List<Message>> messages = new ConcurrentHashMap<>();
  private final Map<Integer, Fault> faults = new ConcurrentHashMap<>();
  private final Map<Integer, Integer> retryAfter = new ConcurrentHashMap<>();
  private final Map<String, Integer> limitedPaths = new ConcurrentHashMap<>();
  private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger served = new AtomicInteger();
  private volatile int messageBatch = 20;
  private volatile long pauseMillis;

  CrispWebsite(String id, String name) {
    this.id = id;
    this.name = name;
  }

  public String id() {
    return id;
  }

  String name() {
    return name;
  }

  public String identifier() {
    return identifier;
  }

  public String key() {
    return key;
  }

  boolean accepts(String identifier, String key) {
    return this.identifier.equals(identifier) && this.key.equals(key);
  }

  public CrispWebsite person(JsonObject person) {
    people.add(person);
    return this;
  }

  /** A conversation and its messages (in any order: the simulator sorts them by time). */
  public CrispWebsite conversation(JsonObject conversation, List<JsonObject> conversationMessages) {
    List<Message> sorted = new ArrayList<>(conversationMessages.stream().map(Message::of).toList());
    sorted.sort(java.util.Comparator.comparingLong(Message::timestamp));
    messages.put(conversation.getString("session_id"), new CopyOnWriteArrayList<>(sorted));
    conversations.add(conversation);
    return this;
  }

  /** A message added later to a conversation already there (a re-run imports it). */
  public CrispWebsite addMessage(String sessionId, JsonObject message) {
    messages.get(sessionId).add(Message.of(message));
    messages.get(sessionId).sort(java.util.Comparator.comparingLong(Message::timestamp));
    return this;
  }

  /** How many messages one answer of the messages endpoint holds. */
  public CrispWebsite messageBatch(int size) {
    messageBatch = size;
    return this;
  }

  /** Every request waits this long before it is answered. */
  public CrispWebsite pause(long millis) {
    pauseMillis = millis;
    return this;
  }

  /** The request numbered {@code number} (from 1, in the order they arrive) fails with {@code fault}. */
  public CrispWebsite fail(int number, Fault fault) {
    faults.put(number, fault);
    return this;
  }

  /** Request {@code number} is answered 429 with {@code Retry-After: seconds}. */
  public CrispWebsite rateLimit(int number, int seconds) {
    faults.put(number, Fault.RATE_LIMITED);
    retryAfter.put(number, seconds);
    return this;
  }

  /** Drops the fixtures and the requests (a benchmark's big website, once measured). */
  public void forget() {
    people.clear();
    conversations.clear();
    messages.clear();
    requests.clear();
  }

  /** The first request for {@code path} (below {@code /v1/website/{id}}) is answered 429 with {@code Retry-After: seconds}. */
  public CrispWebsite rateLimitFirst(String path, int seconds) {
    limitedPaths.put("/v1/website/" + id + path, seconds);
    return this;
  }

  /** The Retry-After of a 429 due now for a request of {@code path}, once. */
  Integer limitedPath(String path) {
    return limitedPaths.remove(path);
  }

  public List<Request> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  int next() {
    return served.incrementAndGet();
  }

  Fault fault(int number) {
    return faults.get(number);
  }

  Integer retryAfter(int number) {
    return retryAfter.get(number);
  }

  long pauseMillis() {
    return pauseMillis;
  }

  void record(Instant arrived, String path, String query, int status) {
    requests.add(new Request(arrived, Instant.now(), path, query, status));
  }

  List<JsonObject> people() {
    synchronized (people) {
      return List.copyOf(people);
    }
  }

  List<JsonObject> conversations() {
    synchronized (conversations) {
      return List.copyOf(conversations);
    }
  }

  /** Up to a batch of the conversation's messages before {@code before}, oldest first, as JSON; null for an unknown conversation. */
  List<String> messagesBefore(String sessionId, Long before) {
    List<Message> all = messages.get(sessionId);
    if (all == null) {
      return null;
    }
    List<String> older = all.stream().filter(message -> before == null || message.timestamp() < before).map(Message::json).toList();
    return older.subList(Math.max(0, older.size() - messageBatch), older.size());
  }

  /** A message of a conversation: its time, and the JSON of it. */
  private record Message(long timestamp, String json) {
    static Message of(JsonObject message) {
      return new Message(message.getJsonNumber("timestamp").longValue(), message.toString());
    }
  }

  // Fixtures, with Crisp's field names.

  public static JsonObject person(String peopleId, String email, String nickname, String phone, String company,
      List<String> segments, Instant createdAt) {
    JsonObjectBuilder person = Json.createObjectBuilder().add("nickname", nickname);
    if (phone != null) {
      person.add("phone", phone);
    }
    person.add("avatar", "https://avatars.example.test/" + peopleId + ".png");
    JsonObjectBuilder profile = Json.createObjectBuilder().add("people_id", peopleId).add("email", email)
        .add("person", person).add("segments", array(segments)).add("active", Json.createObjectBuilder().add("now", false))
        .add("created_at", createdAt.toEpochMilli()).add("updated_at", createdAt.toEpochMilli());
    if (company != null) {
      profile.add("company", Json.createObjectBuilder().add("name", company).add("url", "https://" + company.toLowerCase().replace(' ', '-') + ".example.test"));
    }
    return profile.build();
  }

  public static JsonObject conversation(String sessionId, String state, Instant createdAt, Instant updatedAt, String email,
      String nickname, List<String> segments, Map<String, String> data) {
    JsonObjectBuilder meta = Json.createObjectBuilder().add("nickname", nickname == null ? "visitor" + sessionId.hashCode() : nickname)
        .add("segments", array(segments)).add("ip", "203.0.113.7");
    if (email != null) {
      meta.add("email", email);
    }
    JsonObjectBuilder values = Json.createObjectBuilder();
    data.forEach(values::add);
    meta.add("data", values);
    return Json.createObjectBuilder().add("session_id", sessionId).add("website_id", "ignored").add("state", state)
        .add("status", "resolved".equals(state) ? 2 : 1).add("is_verified", false).add("is_blocked", false)
        .add("availability", "offline").add("created_at", createdAt.toEpochMilli()).add("updated_at", updatedAt.toEpochMilli())
        .add("meta", meta).build();
  }

  /** A message; {@code content} is a string for text and note, an object for the other types. */
  public static JsonObject message(String sessionId, long fingerprint, String type, String from, JsonValue content,
      Instant at, String nickname) {
    JsonObjectBuilder user = Json.createObjectBuilder().add("type", "operator".equals(from) ? "website" : "participant")
        .add("nickname", nickname == null ? "visitor" : nickname);
    if ("operator".equals(from)) {
      user.add("user_id", UUID.nameUUIDFromBytes(nickname.getBytes()).toString());
    }
    return Json.createObjectBuilder().add("session_id", sessionId).add("website_id", "ignored").add("type", type)
        .add("from", from).add("origin", "chat").add("content", content).add("stamped", true).add("read", "chat")
        .add("delivered", "").add("fingerprint", fingerprint).add("timestamp", at.toEpochMilli()).add("user", user).build();
  }

  public static JsonValue text(String text) {
    return Json.createValue(text);
  }

  private static JsonArrayBuilder array(List<String> values) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    values.forEach(array::add);
    return array;
  }
}
