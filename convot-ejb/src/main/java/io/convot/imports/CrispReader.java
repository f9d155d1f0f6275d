package io.convot.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** What an import reads of Crisp: the website, a page of people, a page of conversations, a conversation's messages. */
@ApplicationScoped
public class CrispReader {

  /** Crisp pages people and conversations by 20 unless asked for more; 50 is the most it gives. */
  static final int PER_PAGE = 50;

  @Inject CrispGateway gateway;

  @Inject
  @org.eclipse.microprofile.config.inject.ConfigProperty(name = "convot.imports.fetch-concurrency", defaultValue = "4")
  int concurrency;

  /**
   * Threads of this reader's own that read several conversations' messages at once (Crisp's
   * answers, not our work, are what a step mostly waits on). Each runs with the application's class
   * loader, so the gateway's Fault Tolerance and configuration behave as on the calling thread.
   */
  private java.util.concurrent.ExecutorService fetchers;

  /** Threads that read the next page of an import while its step stores the current one. */
  private java.util.concurrent.ExecutorService readers;

  /** Per import, the page being read ahead (one at most); a page nobody took is dropped after {@link #AHEAD_KEPT}. */
  private final Map<java.util.UUID, Ahead> ahead = new java.util.concurrent.ConcurrentHashMap<>();

  private static final java.time.Duration AHEAD_KEPT = java.time.Duration.ofMinutes(10);

  /** A page of conversations with every message of each, by session id. */
  record ConversationPage(List<CrispConversation> conversations, Map<String, List<CrispMessage>> messages) {}

  private record Ahead(int page, java.util.concurrent.Future<ConversationPage> read, long startedNanos) {}

  @jakarta.annotation.PostConstruct
  void startFetchers() {
    fetchers = threads("convot-crisp-fetch-", Math.max(1, concurrency));
    readers = threads("convot-crisp-ahead-", 2);
  }

  private static java.util.concurrent.ExecutorService threads(String name, int count) {
    ClassLoader application = Thread.currentThread().getContextClassLoader();
    java.util.concurrent.atomic.AtomicInteger started = new java.util.concurrent.atomic.AtomicInteger();
    return java.util.concurrent.Executors.newFixedThreadPool(count, task -> {
      Thread thread = new Thread(task, name + started.incrementAndGet());
      thread.setDaemon(true);
      thread.setContextClassLoader(application);
      return thread;
    });
  }

  @jakarta.annotation.PreDestroy
  void stopFetchers() {
    readers.shutdownNow();
    fetchers.shutdownNow();
  }

  /**
   * Page {@code page} of an import's conversations with their messages: the page read ahead while
   * the step before stored its own, when that read is of this page (waiting for it if it is still
   * under way), else read now. A read ahead that Crisp rate-limited or refused fails this step as
   * its own read would have; one that failed otherwise is read again.
   */
  ConversationPage conversationPage(java.util.UUID importId, CrispCall call, int page) {
    Ahead read = ahead.remove(importId);
    if (read != null && read.page() == page) {
      try {
        return read.read().get();
      } catch (java.util.concurrent.ExecutionException e) {
        if (e.getCause() instanceof CrispFailure failure && !(failure instanceof CrispFailure.Transient)) {
          throw failure;
        }
      } catch (java.util.concurrent.CancellationException e) {
        // read again below
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CrispFailure.Transient("Interrupted while reading conversations");
      }
    } else if (read != null) {
      read.read().cancel(true);
    }
    return conversationPage(call, page);
  }

  /** Starts reading page {@code page} of an import's conversations in the background, for its next step. */
  void readAhead(java.util.UUID importId, CrispCall call, int page) {
    long now = System.nanoTime();
    ahead.values().removeIf(old -> {
      boolean forgotten = now - old.startedNanos() > AHEAD_KEPT.toNanos();
      if (forgotten) {
        old.read().cancel(true);
      }
      return forgotten;
    });
    CrispCall own = call.another();
    Ahead previous = ahead.put(importId, new Ahead(page, readers.submit(() -> conversationPage(own, page)), now));
    if (previous != null) {
      previous.read().cancel(true);
    }
  }

  private ConversationPage conversationPage(CrispCall call, int page) {
    List<CrispConversation> conversations = conversations(call, page);
    return new ConversationPage(conversations, messagesOf(call, conversations.stream().map(CrispConversation::sessionId).toList()));
  }

  /**
   * Every message of each conversation (by session id), read {@code convot.imports.fetch-concurrency}
   * conversations at a time. The first failure (a rate limit, a rejection, retries exhausted) is
   * thrown once the reads under way ended, and nothing of the page is kept.
   */
  Map<String, List<CrispMessage>> messagesOf(CrispCall call, List<String> sessionIds) {
    List<java.util.concurrent.Future<List<CrispMessage>>> reads = new ArrayList<>();
    for (String sessionId : sessionIds) {
      reads.add(fetchers.submit(() -> messages(call, sessionId)));
    }
    Map<String, List<CrispMessage>> all = new java.util.LinkedHashMap<>();
    RuntimeException first = null;
    for (int i = 0; i < reads.size(); i++) {
      try {
        all.put(sessionIds.get(i), reads.get(i).get());
      } catch (java.util.concurrent.ExecutionException e) {
        RuntimeException failure = e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        first = first == null || stoppedByAnother(first) ? failure : first;
        reads.stream().skip(i + 1L).forEach(read -> read.cancel(false));
      } catch (java.util.concurrent.CancellationException e) {
        // cancelled after an earlier failure
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CrispFailure.Transient("Interrupted while reading messages");
      }
    }
    if (first != null) {
      throw first;
    }
    return all;
  }

  /** Tries the token: the website it names, or a {@link CrispFailure}. */
  JsonObject website(CrispCall call) {
    JsonValue data = gateway.get(call, "/website/" + call.websiteId(), Map.of(), false);
    return data instanceof JsonObject website ? website : JsonValue.EMPTY_JSON_OBJECT;
  }

  List<CrispPerson> people(CrispCall call, int page) {
    return objects(gateway.get(call, "/website/" + call.websiteId() + "/people/profiles/" + page,
        Map.of("per_page", Integer.toString(PER_PAGE)), false)).stream().map(CrispPerson::of)
        .filter(person -> person.peopleId() != null).toList();
  }

  List<CrispConversation> conversations(CrispCall call, int page) {
    return objects(gateway.get(call, "/website/" + call.websiteId() + "/conversations/" + page,
        Map.of("per_page", Integer.toString(PER_PAGE)), false)).stream().map(CrispConversation::of)
        .filter(conversation -> conversation.sessionId() != null).toList();
  }

  /** A read that failed only because another read of the step failed first. */
  private static boolean stoppedByAnother(RuntimeException failure) {
    return failure instanceof CrispFailure.Rejected && failure.getMessage().startsWith("Stopped:");
  }

  /**
   * Every message of a conversation, oldest first: Crisp answers the latest batch, and each older
   * batch with {@code timestamp_before} the oldest timestamp seen, until a batch brings nothing older.
   */
  List<CrispMessage> messages(CrispCall call, String sessionId) {
    String path = "/website/" + call.websiteId() + "/conversation/" + sessionId + "/messages";
    List<CrispMessage> all = new ArrayList<>();
    Long before = null;
    while (true) {
      List<CrispMessage> batch = objects(gateway.get(call, path,
          before == null ? Map.of() : Map.of("timestamp_before", Long.toString(before)), true)).stream()
          .map(CrispMessage::of).filter(message -> message.timestamp() > 0).toList();
      Long oldest = batch.stream().map(CrispMessage::timestamp).min(Long::compare).orElse(null);
      if (oldest == null || (before != null && oldest >= before)) {
        break;
      }
      all.addAll(batch);
      before = oldest;
    }
    all.sort(Comparator.comparingLong(CrispMessage::timestamp).thenComparingLong(CrispMessage::fingerprint));
    return all;
  }

  private static List<JsonObject> objects(JsonValue data) {
    if (!(data instanceof JsonArray array)) {
      return List.of();
    }
    return array.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast).toList();
  }
}
