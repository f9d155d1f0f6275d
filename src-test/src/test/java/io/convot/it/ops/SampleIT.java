package io.convot.it.ops;

import static io.convot.it.support.ProblemAssert.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Api;
import io.convot.it.support.Organizations;
import io.convot.it.support.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code POST /api/v1/sample} on the test server (a development server): an organization to try Convot with. */
class SampleIT {

  @Test
  void oneCallMakesAnOrganizationWithAnAppAnAgentAndConversations() {
    Api.Reply reply = Api.anonymous().post("/api/v1/sample", "");

    assertEquals(201, reply.status(), reply::toString);
    JsonObject sample = reply.json();
    assertEquals(Api.BASE_URL + "/app/", sample.getString("dashboard_url"));
    assertEquals(Api.BASE_URL + "/demo/", sample.getString("demo_url"));
    String owner = signIn(sample.getJsonObject("owner"));
    String agent = signIn(sample.getJsonObject("agent"));

    JsonObject me = Api.withToken(agent).get("/api/v1/me").json();
    assertEquals("agent", me.getJsonObject("member").getString("role"));
    assertEquals(sample.getString("organization_id"), me.getJsonObject("organization").getString("id"));
    JsonObject app = Api.withToken(owner).get("/api/v1/apps/" + sample.getString("app_id")).json();
    assertEquals(sample.getString("app_key"), app.getString("app_key"));
    List<String> conversations = sample.getJsonArray("conversation_ids").getValuesAs(JsonString.class).stream()
        .map(JsonString::getString).toList();
    assertEquals(3, conversations.size());
    int answered = 0;
    for (String id : conversations) {
      List<JsonObject> messages = Api.withToken(owner).get("/api/v1/conversations/" + id + "/messages").json()
          .getJsonArray("data").getValuesAs(JsonObject.class);
      assertTrue(messages.size() >= 1, () -> id + ": " + messages);
      answered += messages.size() > 1 ? 1 : 0;
    }
    assertEquals(2, answered, "two of the three visitors have an answer");
  }

  @Test
  void eachCallMakesAnotherOrganizationThatOthersCannotSee() {
    JsonObject first = Api.anonymous().post("/api/v1/sample", "").json();
    JsonObject second = Api.anonymous().post("/api/v1/sample", "").json();

    assertNotEquals(first.getString("organization_id"), second.getString("organization_id"));
    String secondOwner = signIn(second.getJsonObject("owner"));
    String firstConversation = first.getJsonArray("conversation_ids").getString(0);
    assertProblem(Api.withToken(secondOwner).get("/api/v1/conversations/" + firstConversation), 404, "not_found");
    assertProblem(Api.withToken(secondOwner).get("/api/v1/apps/" + first.getString("app_id")), 404, "not_found");
    assertProblem(Organizations.signUp("Sample outsider").api().get("/api/v1/apps/" + first.getString("app_id")), 404, "not_found");
  }

  @Test
  void theStartUpLogNamesTheCommand() {
    assertTrue(TestServer.log().contains("Convot sample data: curl -X POST " + Api.BASE_URL + "/api/v1/sample"),
        "a development server's start-up log says how to make sample data");
  }

  private static String signIn(JsonObject account) {
    Api.Reply reply = Api.anonymous().post("/api/v1/auth/login", Json.createObjectBuilder()
        .add("email", account.getString("email")).add("password", account.getString("password")).build().toString());
    assertEquals(200, reply.status(), reply::toString);
    return reply.string("token");
  }
}
