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
