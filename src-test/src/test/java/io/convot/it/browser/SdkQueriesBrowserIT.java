package io.convot.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Api;
import io.convot.it.support.SdkHost;
import io.convot.it.support.SdkHost.Form;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every {@code get} and {@code is} answer of the widget SDK on a real host page, answered at once
 * from the state the frame mirrors to the page: the visitor's identity and session data (also
 * those the server holds for a returning visitor), the unread count, the chat's state, whether a
 * conversation goes on and whether the team is available; with {@code Convot.get}/{@code is} and
 * Crisp's {@code $crisp.get}/{@code is}; an argument a query does not take logs exactly one console
 * warning, and the answer and the widget stay as they were.
 */
class SdkQueriesBrowserIT {

  private static final String ANSWERS = """
      return {
        unread: Convot.get('chat:unread:count'), id: Convot.get('session:identifier'), data: Convot.get('session:data'),
        plan: Convot.get('session:data', 'plan'), email: Convot.get('user:email'), nickname: Convot.get('user:nickname'),
        phone: Convot.get('user:phone'), opened: Convot.is('chat:opened'), closed: Convot.is('chat:closed'),
        visible: Convot.is('chat:visible'), ongoing: Convot.is('session:ongoing'), available: Convot.is('website:available')
      };""";

  private static SdkHost page;

  @BeforeAll
  static void start() {
    page = new SdkHost("Queries Co");
  }

  @AfterAll
  static void stop() {
    if (page != null) {
      page.close();
    }
  }

  @AfterEach
  void noErrors() {
    assertEquals(List.of(), page.errors(), "console errors or uncaught errors in the host page");
  }

  @Test
  void everyGetAndIsAnswersTheWidgetsState() {
    page.load(Form.ARRAY, """
        Convot.push(["set", "user:email", ["mia@shop.test"]], ["set", "user:nickname", ["Mia"]], ["set", "user:phone", ["+1 555 0100"]]);
        Convot.push(["set", "session:data", [[["Plan", "pro"], ["seats", 3]]]]);
        """);
    String contactId = page.awaitSession();
    assertEquals("mia@shop.test", page.awaitContact(contactId, c -> c.getJsonObject("data").size() == 2, "the data").getString("email"));
    Map<String, Object> answers = answers();
    assertEquals(contactId, answers.get("id"));
    assertEquals(List.of(0L, "mia@shop.test", "Mia", "+1 555 0100", "pro", Map.of("plan", "pro", "seats", 3L)),
        List.of(answers.get("unread"), answers.get("email"), answers.get("nickname"), answers.get("phone"), answers.get("plan"),
            answers.get("data")));
    assertEquals(List.of(false, true, true, false, available()), List.of(answers.get("opened"), answers.get("closed"),
        answers.get("visible"), answers.get("ongoing"), answers.get("available")));
    assertEquals("pro", page.js("return Convot.get('session:data', 'PLAN');"), "keys are lowercase");
    assertNull(page.js("return Convot.get('session:data', 'missing');"));
    assertEquals(3L, page.js("return Convot.push(['get', 'session:data', 'seats']);"), "push answers a get too");

    page.js("Convot.push(['do', 'message:send', ['text', 'Where is my refund?']]);");
    page.awaitJs("return Convot.is('session:ongoing');", Boolean.TRUE::equals, "session:ongoing");
    page.answer(page.awaitConversation().getString("id"), "On its way.");
    page.awaitJs("return Convot.get('chat:unread:count');", n -> Long.valueOf(1).equals(n), "one unread answer");
    page.js("Convot.push(['do', 'chat:open']);");
    page.awaitJs("return Convot.get('chat:unread:count');", n -> Long.valueOf(0).equals(n), "read once open");
    answers = answers();
    assertEquals(List.of(true, false, true, true), List.of(answers.get("opened"), answers.get("closed"), answers.get("visible"),
        answers.get("ongoing")));
    page.js("Convot.push(['do', 'chat:hide']);");
    page.awaitJs("return Convot.is('chat:visible');", Boolean.FALSE::equals, "chat:visible false once hidden");

    // A returning visitor: the page sets only the email (a page without it is someone signed out), the rest
    // of the answers come from the contact the server kept.
    page.reload(Form.ARRAY, "Convot.push([\"set\", \"user:email\", [\"mia@shop.test\"]]);");
    assertEquals(contactId, page.awaitSession());
    page.awaitJs("return Convot.get('user:nickname') || null;", "Mia"::equals, "the returning visitor's nickname");
    answers = answers();
    assertEquals(List.of("Mia", "+1 555 0100", "pro", true), List.of(answers.get("nickname"), answers.get("phone"), answers.get("plan"),
        answers.get("ongoing")));
    assertEquals(List.of(), page.warnings());
  }

  @Test
  void crispHostCodeGetsTheSameAnswers() {
    page.load(Form.CRISP, """
        $crisp.push(["set", "user:email", ["leo@shop.test"]]);
        $crisp.push(["set", "user:nickname", ["Leo"]]);
        $crisp.push(["set", "session:data", [[["plan", "free"]]]]);
        """);
    String contactId = page.awaitSession();
    page.awaitJs("return $crisp.get('session:data', 'plan') || null;", "free"::equals, "the data");
    assertEquals(contactId, page.js("return $crisp.get('session:identifier');"));
    assertEquals("leo@shop.test", page.js("return $crisp.get('user:email');"));
    assertEquals("Leo", page.js("return $crisp.get('user:nickname');"));
    assertNull(page.js("return $crisp.get('user:phone');"));
    assertEquals(0L, page.js("return $crisp.get('chat:unread:count');"));
    assertEquals(Map.of("plan", "free"), page.js("return $crisp.get('session:data');"));
    assertEquals(List.of(false, true, true, false, available()), page.js("""
        return [$crisp.is('chat:opened'), $crisp.is('chat:closed'), $crisp.is('chat:visible'), $crisp.is('session:ongoing'),
          $crisp.is('website:available')];"""));
    page.js("$crisp.push(['do', 'chat:open']);");
    page.awaitJs("return $crisp.is('chat:opened');", Boolean.TRUE::equals, "chat:opened");
    assertEquals(false, page.js("return $crisp.is('chat:closed');"));
    assertEquals(List.of(), page.warnings());
  }

  @Test
  void anAwayTeamIsNotAvailable() {
    page.newAwayApp("Away Orders");
    page.reload(Form.OBJECT, "");
    page.awaitSession();
    assertEquals(false, available());
    assertEquals(false, page.js("return Convot.is('website:available');"));
  }

  @Test
  void aQueryWithAnArgumentItDoesNotTakeWarnsOnceAndAnswersTheSame() {
    page.load(Form.ARRAY, "Convot.push([\"set\", \"user:email\", [\"ann@shop.test\"]], [\"set\", \"session:data\", [[[\"plan\", \"pro\"]]]]);");
    page.awaitSession();
    page.awaitJs("return Convot.get('session:data', 'plan') || null;", "pro"::equals, "the data");
    Map<String, Object> before = answers();

    List<List<String>> malformed = List.of(
        List.of("get chat:unread:count", "Convot.get('chat:unread:count', [1])"),
        List.of("get session:identifier", "Convot.get('session:identifier', {})"),
        List.of("get session:data", "Convot.get('session:data', 42)"),
        List.of("get user:email", "Convot.get('user:email', 'extra')"),
        List.of("get user:nickname", "Convot.push(['get', 'user:nickname', 'x'])"),
        List.of("get user:phone", "Convot.get('user:phone', true)"),
        List.of("is chat:opened", "Convot.is('chat:opened', true)"),
        List.of("is chat:closed", "Convot.is('chat:closed', 'x')"),
        List.of("is chat:visible", "Convot.is('chat:visible', 0)"),
        List.of("is session:ongoing", "Convot.is('session:ongoing', [false])"),
        List.of("is website:available", "Convot.is('website:available', 'now')"));
    for (List<String> query : malformed) {
      String clean = query.get(0).startsWith("get") ? "Convot.get('" + query.get(0).substring(4) + "')"
          : "Convot.is('" + query.get(0).substring(3) + "')";
      List<String> warned = page.warningsOf("window.__answers = [" + clean + ", " + query.get(1) + "];");
      assertEquals(1, warned.size(), () -> query.get(1) + " warned " + warned);
      assertTrue(warned.get(0).startsWith("Convot: ") && warned.get(0).contains(query.get(0)), () -> query.get(1) + " warned " + warned);
      List<?> both = (List<?>) page.js("return __answers;");
      assertEquals(both.get(0), both.get(1), query.get(1));
    }
    for (String unknown : List.of("Convot.get('user:password')", "Convot.is('chat:small')", "Convot.get('session:secret', 'x')")) {
      List<String> warned = page.warningsOf("window.__answers = [" + unknown + "];");
      assertEquals(1, warned.size(), () -> unknown + " warned " + warned);
      assertTrue(warned.get(0).contains("unknown command"), () -> unknown + " warned " + warned);
      assertEquals(java.util.Collections.singletonList(null), page.js("return __answers;"), unknown);
    }
    assertEquals(before, answers());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> answers() {
    return (Map<String, Object>) page.js(ANSWERS);
  }

  private static Object available() {
    return Api.anonymous().header("Origin", page.host().origin())
        .get("/widget/v1/config?app_id=" + page.app().getString("app_key")).json().getBoolean("available");
  }
}
