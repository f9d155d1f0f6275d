package io.convot.it.helpcenter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.convot.it.support.Api;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** Writing help-center articles through the REST API, for the tests. */
final class Articles {

  private Articles() {}

  static JsonObjectBuilder article(String title, String markdown) {
    return Json.createObjectBuilder().add("title", title).add("body_markdown", markdown);
  }

  static Api.Reply create(Api api, String appId, JsonObjectBuilder body) {
    return api.post("/api/v1/apps/" + appId + "/articles", body.build().toString());
  }

  /** Creates an article and returns it, failing the test when it is refused. */
  static JsonObject created(Api api, String appId, JsonObjectBuilder body) {
    Api.Reply reply = create(api, appId, body);
    assertEquals(201, reply.status(), reply::toString);
    return reply.json();
  }

  static JsonObject published(Api api, String appId, JsonObjectBuilder body) {
    return created(api, appId, body.add("status", "published"));
  }
}
