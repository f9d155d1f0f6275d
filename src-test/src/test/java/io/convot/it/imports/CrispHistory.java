package io.convot.it.imports;

import static io.convot.it.support.crisp.CrispWebsite.message;
import static io.convot.it.support.crisp.CrispWebsite.text;

import io.convot.it.support.crisp.CrispWebsite;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Crisp website's history for the import tests: people over two pages, conversations over two
 * pages, every message type, both directions, notes, resolved conversations, and one conversation
 * whose messages take three answers of the messages endpoint. It knows what the import must make of it.
 */
final class CrispHistory {

  static final Instant START = Instant.parse("2025-03-03T09:00:00Z");
  static final int PEOPLE = 60;
  static final int CONVERSATIONS = 55;
  /** The conversation with 45 messages (the simulator answers 20 at a time). */
  static final String LONG = "session_long";
  static final String RICH = "session_rich";

  final CrispWebsite website;
  final String memberName;
  int messages;
  int resolved;
  /** Conversations whose visitor left no email or an email no person has: each makes one more contact. */
  int anonymousVisitors;

  CrispHistory(CrispWebsite website, String memberName) {
    this.website = website;
    this.memberName = memberName;
  }

  static CrispHistory of(CrispWebsite website, String memberName) {
    CrispHistory history = new CrispHistory(website, memberName);
    for (int p = 0; p < PEOPLE; p++) {
      website.person(CrispWebsite.person("people-" + p, "Person" + p + "@Example.test", "Person " + p,
          p % 2 == 0 ? "+3361234567" + (p % 10) : null, p % 3 == 0 ? "Company " + p : null,
          p % 4 == 0 ? List.of("vip", "beta") : List.of(), START.minus(Duration.ofDays(30)).plusSeconds(p)));
    }
    history.rich();
    history.longOne();
    for (int c = 2; c < CONVERSATIONS; c++) {
      history.plain(c);
    }
    return history;
  }

  /** Every type, both directions, a note, a member's reply and a non-member's. */
  private void rich() {
    Instant at = START;
    List<JsonObject> list = new ArrayList<>();
    list.add(message(RICH, 1001, "text", "user", text("Hello, my <b>order</b> is late"), at, "Person 0"));
    list.add(message(RICH, 1002, "text", "operator", text("Looking into it"), at.plusSeconds(60), memberName));
    list.add(message(RICH, 1003, "note", "operator", text("Check the warehouse"), at.plusSeconds(70), "Crisp Bob"));
    list.add(message(RICH, 1004, "file", "user", Json.createObjectBuilder().add("name", "invoice.pdf")
        .add("url", "https://files.example.test/invoice.pdf").add("type", "application/pdf").build(), at.plusSeconds(80), "Person 0"));
    list.add(message(RICH, 1005, "animation", "operator", Json.createObjectBuilder().add("url", "https://gifs.example.test/ok.gif")
        .add("type", "image/gif").build(), at.plusSeconds(90), "Crisp Bob"));
    list.add(message(RICH, 1006, "picker", "operator", Json.createObjectBuilder().add("id", "rate").add("text", "How did we do?")
        .add("choices", Json.createArrayBuilder().add(Json.createObjectBuilder().add("value", "good").add("label", "Good").add("selected", true))
            .add(Json.createObjectBuilder().add("value", "bad").add("label", "Bad").add("selected", false))).build(),
        at.plusSeconds(100), "Crisp Bob"));
    list.add(message(RICH, 1007, "event", "user", Json.createObjectBuilder().add("namespace", "state:resolved")
        .add("text", "Conversation resolved").build(), at.plusSeconds(110), "Person 0"));
    list.add(message(RICH, 1008, "audio", "user", Json.createObjectBuilder().add("url", "https://files.example.test/voice.webm")
        .add("type", "audio/webm").add("duration", 4).build(), at.plusSeconds(120), "Person 0"));
    list.add(message(RICH, 1009, "text", "operator", text("Crisp Bob here: sorted!"), at.plusSeconds(130), "Crisp Bob"));
    website.conversation(CrispWebsite.conversation(RICH, "resolved", at.minusSeconds(5), at.plusSeconds(200),
        "person0@example.test", "Person 0", List.of("support"), Map.of("plan", "pro")), list);
    messages += list.size();
    resolved++;
  }

  private void longOne() {
    List<JsonObject> list = new ArrayList<>();
    for (int m = 0; m < 45; m++) {
      list.add(message(LONG, 2000 + m, "text", m % 2 == 0 ? "user" : "operator", text("long message " + m),
          START.plus(Duration.ofHours(1)).plusSeconds(m * 30L), m % 2 == 0 ? "Someone" : memberName));
    }
    website.conversation(CrispWebsite.conversation(LONG, "unresolved", START.plus(Duration.ofHours(1)),
        START.plus(Duration.ofHours(2)), null, "Someone", List.of(), Map.of()), list);
    messages += list.size();
    anonymousVisitors++;
  }

  private void plain(int c) {
    String session = "session_" + c;
    Instant at = START.plus(Duration.ofDays(c % 20)).plusSeconds(c * 60L);
    List<JsonObject> list = new ArrayList<>();
    for (int m = 0; m < 3; m++) {
      list.add(message(session, c * 100L + m, "text", m == 1 ? "operator" : "user", text("message " + m + " of " + c),
          at.plusSeconds(m * 120L), m == 1 ? memberName : "Person " + c));
    }
    boolean isResolved = c % 3 == 0;
    // Conversations 2 to 54: those under PEOPLE are known people (by email, in another case), the others new visitors.
    String email = c < PEOPLE ? "person" + c + "@EXAMPLE.test" : "visitor" + c + "@example.test";
    website.conversation(CrispWebsite.conversation(session, isResolved ? "resolved" : "pending", at, at.plusSeconds(600),
        email, "Person " + c, List.of(), Map.of()), list);
    messages += list.size();
    resolved += isResolved ? 1 : 0;
    anonymousVisitors += c < PEOPLE ? 0 : 1;
  }
}
