package io.convot.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.convot.it.support.Api;
import io.convot.it.support.Dashboard;
import io.convot.it.support.Eventually;
import io.convot.it.support.Widget;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;

/** Visitors that talk through the widget API, and a clock in the dashboard for what the list shows. */
final class InboxFixtures {

  private InboxFixtures() {}

  /**
   * Records in the dashboard, with the page's own clock ({@code Date.now()}, the machine's), when
   * each watched text first shows in the list named Conversations: {@code __watch(text)}, then
   * {@code __seen[text]}. The page must stay loaded from {@link #watch} on.
   */
  private static final String LIST_CLOCK = """
      if (!window.__seen) {
        window.__seen = {};
        window.__watched = new Set();
        window.__watch = (text) => window.__watched.add(text);
        new MutationObserver(() => {
          const list = [...document.querySelectorAll('ul')].find((u) => u.getAttribute('aria-label') === 'Conversations');
          if (!list) return;
          const now = Date.now();
          const shown = list.textContent;
          for (const text of window.__watched) {
            if (!(text in window.__seen) && shown.includes(text)) window.__seen[text] = now;
          }
        }).observe(document.body, { subtree: true, childList: true, characterData: true });
      }
      """;


  /** Starts watching for {@code text} in the conversation list (see {@link #seenInList}). */
  static void watch(Dashboard dashboard, String text) {
    dashboard.browser.executeScript(LIST_CLOCK + "window.__watch(arguments[0]);", text);
  }

  /** A visitor's session on the app, with a profile, session data and segments; returns its token. */
  static String visitor(Widget widget, String nickname, String email, Map<String, Object> data, List<String> segments) {
    var user = Json.createObjectBuilder().add("nickname", nickname).add("email", email);
    var body = Json.createObjectBuilder().add("user", user);
    if (!data.isEmpty()) {
      var values = Json.createObjectBuilder();
      data.forEach((k, v) -> {
        if (v instanceof Number n) {
          values.add(k, n.longValue());
        } else {
          values.add(k, String.valueOf(v));
        }
      });
      body.add("data", values);
    }
    if (!segments.isEmpty()) {
      body.add("segments", Json.createArrayBuilder(segments));
    }
    String fields = body.build().toString();
    return widget.session(fields.substring(1, fields.length() - 1));
  }

  static void event(String sessionToken, String name, JsonObject data, String color) {
    Api.Reply reply = Widget.client(sessionToken).post("/widget/v1/events",
        Json.createObjectBuilder().add("name", name).add("data", data).add("color", color).build().toString());
    assertEquals(201, reply.status(), reply::toString);
  }

  /** The visitor writes; returns the message. */
  static JsonObject say(String sessionToken, String text) {
    Api.Reply reply = Widget.send(sessionToken, text);
    assertEquals(201, reply.status(), reply::toString);
    return reply.json();
  }

  /** Every message the visitor's widget can read, over all pages. */
  static List<JsonObject> visitorHistory(String sessionToken) {
    List<JsonObject> all = new ArrayList<>();
    String cursor = null;
    do {
      Api.Reply page = Widget.client(sessionToken).get("/widget/v1/messages?limit=200" + (cursor == null ? "" : "&cursor=" + cursor));
      assertEquals(200, page.status(), page::toString);
      all.addAll(page.json().getJsonArray("data").getValuesAs(JsonObject.class));
      cursor = page.json().isNull("next_cursor") ? null : page.json().getString("next_cursor");
    } while (cursor != null);
    return all;
  }

  static JsonObject conversation(Api api, String id) {
    Api.Reply reply = api.get("/api/v1/conversations/" + id);
    assertEquals(200, reply.status(), reply::toString);
    return reply.json();
  }

  static JsonArray messages(Api api, String conversationId) {
    Api.Reply reply = api.get("/api/v1/conversations/" + conversationId + "/messages?limit=200");
    assertEquals(200, reply.status(), reply::toString);
    return reply.json().getJsonArray("data");
  }

  /** Waits until the dashboard's conversation list shows {@code count} conversations. */
  static void awaitListed(Dashboard dashboard, int count) {
    Eventually.await(() -> dashboard.find("list", "Conversations").findElements(By.tagName("a")).size(), n -> n == count,
        Duration.ofSeconds(10), count + " conversations listed");
  }

  /** Waits until the dashboard's list clock saw {@code text}; returns when (epoch milliseconds). */
  static long seenInList(Dashboard dashboard, String text, Duration timeout) {
    Object seen = Eventually.await(() -> dashboard.browser.executeScript("return window.__seen[arguments[0]];", text),
        value -> value != null, timeout, "'" + text + "' showing in the conversation list");
    return ((Number) seen).longValue();
  }
}
