package io.convot.it.widget;

import static io.convot.it.support.ProblemAssert.assertProblem;
import static io.convot.it.support.ProblemAssert.assertValidationError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Api;
import io.convot.it.support.Organizations;
import io.convot.it.support.Receiver;
import io.convot.it.support.Widget;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Pre-chat qualification questions: defined per app (bad definitions refused), asked by the widget,
 * answered with the first message. The server refuses bad answers itself, and starts nothing then;
 * good ones are stored on the conversation, in the API and in {@code conversation.created}. The
 * app's email requirement and paused conversations are the server's rules too.
 */
class QualificationIT {

  private static final String QUESTIONS = """
      {"qualification_questions": [
        {"id": "plan", "label": "Which plan are you on?", "type": "select", "required": true,
         "options": ["Basic", "Pro", "Plus"], "qualifying_options": ["Pro", "Plus"]},
        {"id": "stores", "label": "How many stores?", "type": "number", "min": 1, "max": 500, "qualifying_min": 2},
        {"id": "topics", "label": "Topics", "type": "multi_select", "options": ["Billing", "Setup", "Bugs"]},
        {"id": "work_email", "label": "Work email", "type": "email"},
        {"id": "phone", "label": "Phone", "type": "phone"},
        {"id": "details", "label": "Anything else?", "type": "text"}],
       "qualification_rule": {"when_unqualified": "show_calendar", "message": "Book a demo instead"}}""";

  private final Organizations.Owner owner = Organizations.signUp("Qualify Co");
  private final JsonObject app = Widget.createApp(owner.api(), "Qualify", false);
  private final Widget widget = new Widget(app.getString("app_key"));
  private Receiver receiver;

  @AfterEach
  void close() {
    if (receiver != null) {
      receiver.close();
    }
  }

  private Api.Reply update(String json) {
    return owner.api().patch("/api/v1/apps/" + app.getString("id"), json);
  }

  private static Api.Reply send(String token, String text, String answers) {
    return Widget.client(token).post("/widget/v1/messages", "{\"text\": " + Json.createValue(text)
        + (answers == null ? "" : ", \"qualification_answers\": " + answers) + "}");
  }

  private int conversations() {
    Api.Reply reply = owner.api().get("/api/v1/conversations?app_id=" + app.getString("id"));
    assertEquals(200, reply.status(), reply::toString);
    return reply.json().getJsonArray("data").size();
  }

  @Test
  void questionsAreStoredInOrderAndTheWidgetReadsThem() {
    Api.Reply reply = update(QUESTIONS);
    assertEquals(200, reply.status(), reply::toString);
    JsonArray questions = reply.json().getJsonArray("qualification_questions");
    assertEquals(List.of("plan", "stores", "topics", "work_email", "phone", "details"),
        questions.stream().map(q -> q.asJsonObject().getString("id")).toList());
    assertEquals("show_calendar", reply.json().getJsonObject("qualification_rule").getString("when_unqualified"));
    JsonObject config = Api.anonymous().header("Origin", Widget.HOST_ORIGIN).get("/widget/v1/config?app_id=" + widget.appKey()).json();
    assertEquals(questions, config.getJsonArray("qualification_questions"));
    assertEquals("Book a demo instead", config.getJsonObject("qualification_rule").getString("message"));

    assertEquals(List.of(), update("{\"qualification_questions\": []}").json().getJsonArray("qualification_questions"));
  }

  @Test
  void badQuestionsAreRefusedAndTheOldOnesKept() {
    update(QUESTIONS);
    Map<String, String> bad = Map.of(
        "[{\"id\": \"a\", \"label\": \"A\", \"type\": \"select\"}]", "qualification_questions[0].options",
        "[{\"id\": \"a\", \"label\": \"A\", \"type\": \"date\"}]", "qualification_questions[0].type",
        "[{\"id\": \"A B\", \"label\": \"A\", \"type\": \"text\"}]", "qualification_questions[0].id",
        "[{\"id\": \"a\", \"label\": \"A\", \"type\": \"text\"}, {\"id\": \"a\", \"label\": \"B\", \"type\": \"text\"}]",
        "qualification_questions[1].id",
        "[{\"id\": \"a\", \"label\": \"A\", \"type\": \"select\", \"options\": [\"x\"], \"qualifying_options\": [\"y\"]}]",
        "qualification_questions[0].qualifying_options",
        "[{\"id\": \"a\", \"label\": \"\", \"type\": \"text\"}]", "qualification_questions[0].label",
        "[{\"id\": \"a\", \"label\": \"A\", \"type\": \"number\", \"min\": 5, \"max\": 1}]", "qualification_questions[0].max",
        "[{\"id\": \"a\", \"label\": \"A\", \"type\": \"text\", \"secret\": true}]", "qualification_questions[0].secret",
        "[\"just text\"]", "qualification_questions[0]");
    bad.forEach((questions, field) -> assertValidationError(update("{\"qualification_questions\": " + questions + "}"), field));
    assertValidationError(update("{\"qualification_rule\": {\"when_unqualified\": \"explode\"}}"), "qualification_rule.when_unqualified");
    assertEquals(6, owner.api().get("/api/v1/apps/" + app.getString("id")).json().getJsonArray("qualification_questions").size());
  }

  @Test
  void badAnswersAreRefusedByTheServerAndStartNothing() {
    update(QUESTIONS);
    String token = widget.session("");
    Map<String, String> bad = Map.of(
        "{\"plan\": \"Enterprise\"}", "qualification_answers.plan",
        "{\"plan\": \"Pro\", \"stores\": 0}", "qualification_answers.stores",
        "{\"plan\": \"Pro\", \"stores\": 501}", "qualification_answers.stores",
        "{\"plan\": \"Pro\", \"stores\": \"many\"}", "qualification_answers.stores",
        "{\"plan\": \"Pro\", \"topics\": [\"Billing\", \"Cooking\"]}", "qualification_answers.topics",
        "{\"plan\": \"Pro\", \"work_email\": \"not an email\"}", "qualification_answers.work_email",
        "{\"plan\": \"Pro\", \"phone\": \"call me\"}", "qualification_answers.phone",
        "{\"plan\": \"Pro\", \"budget\": 10}", "qualification_answers.budget",
        "{\"stores\": 3}", "qualification_answers.plan",
        "{}", "qualification_answers.plan");
    bad.forEach((answers, field) -> assertValidationError(send(token, "Hello", answers), field));
    assertValidationError(send(token, "Hello", null), "qualification_answers.plan");
    assertValidationError(send(token, "Hello", "\"Pro\""), "qualification_answers");
    assertEquals(0, conversations(), "a refused first message starts no conversation");
    assertEquals(0, Widget.messages(token).json().getJsonArray("data").size());
  }

  @Test
  void answersAreStoredOnTheConversationAndSentWithConversationCreated() throws Exception {
    receiver = new Receiver();
    assertEquals(201, owner.api().post("/api/v1/webhooks", Json.createObjectBuilder().add("url", receiver.url())
        .add("events", Json.createArrayBuilder().add("conversation.created")).build().toString()).status());
    update(QUESTIONS);
    String token = widget.session("");
    Api.Reply sent = send(token, "Hi, <script>alert(1)</script>", """
        {"plan": "Pro", "stores": 12, "topics": ["Billing", "Bugs"], "work_email": " ada@shop.test ",
         "phone": "+33 6 12 34 56 78", "details": "<b>urgent</b>"}""");
    assertEquals(201, sent.status(), sent::toString);

    JsonArray expected = Json.createArrayBuilder()
        .add(answer("plan", "Which plan are you on?", "select").add("value", "Pro"))
        .add(answer("stores", "How many stores?", "number").add("value", 12))
        .add(answer("topics", "Topics", "multi_select").add("value", Json.createArrayBuilder().add("Billing").add("Bugs")))
        .add(answer("work_email", "Work email", "email").add("value", "ada@shop.test"))
        .add(answer("phone", "Phone", "phone").add("value", "+33 6 12 34 56 78"))
        .add(answer("details", "Anything else?", "text").add("value", "<b>urgent</b>"))
        .build();
    String conversationId = sent.json().getString("conversation_id");
    JsonObject conversation = owner.api().get("/api/v1/conversations/" + conversationId).json();
    assertEquals(expected, conversation.getJsonArray("qualification_answers"));

    List<Receiver.Request> created = receiver.await(Receiver.ofType("conversation.created"), 1, Duration.ofSeconds(20));
    JsonObject data = created.get(0).json().getJsonObject("data");
    assertEquals(expected, data.getJsonObject("conversation").getJsonArray("qualification_answers"));

    // Later messages of the conversation need no answers, and answers sent with them change nothing.
    assertEquals(201, send(token, "And another thing", null).status());
    assertEquals(expected, owner.api().get("/api/v1/conversations/" + conversationId).json().getJsonArray("qualification_answers"));
  }

  private static jakarta.json.JsonObjectBuilder answer(String id, String label, String type) {
    return Json.createObjectBuilder().add("id", id).add("label", label).add("type", type);
  }

  @Test
  void anAppThatRequiresTheEmailStartsNoConversationWithoutOne() {
    update("{\"widget\": {\"collect_email\": \"required\"}}");
    String token = widget.session("");
    assertValidationError(send(token, "Hello", null), "email");
    assertEquals(0, conversations());
    assertEquals(200, Widget.client(token).patch("/widget/v1/session", "{\"user\": {\"email\": \"ann@shop.test\"}}").status());
    assertEquals(201, send(token, "Hello", null).status());
    assertEquals(1, conversations());
  }

  @Test
  void pausedNewConversationsAreRefusedWhileOngoingOnesGoOn() {
    String ongoing = widget.session("");
    assertEquals(201, send(ongoing, "Started before the pause", null).status());
    update("{\"widget\": {\"pause_new_conversations\": true}}");

    String newcomer = widget.session("");
    assertProblem(send(newcomer, "Hello?", null), 409, "conversations_paused");
    assertEquals(201, send(ongoing, "Still here", null).status());
    assertEquals(1, conversations());

    update("{\"widget\": {\"pause_new_conversations\": false}}");
    assertEquals(201, send(newcomer, "Hello again", null).status());
    assertTrue(conversations() == 2);
  }
}
