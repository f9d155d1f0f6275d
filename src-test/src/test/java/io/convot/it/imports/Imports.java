package io.convot.it.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.convot.it.support.Api;
import io.convot.it.support.Eventually;
import io.convot.it.support.Organizations;
import io.convot.it.support.crisp.CrispWebsite;
import jakarta.json.JsonObject;
import java.time.Duration;

/** An organization with an app, and the import calls the tests make. */
final class Imports {

  final Organizations.Owner owner;
  final String appId;

  private Imports(Organizations.Owner owner, String appId) {
    this.owner = owner;
    this.appId = appId;
  }

  static Imports setUp(String organization) {
    Organizations.Owner owner = Organizations.signUp(organization);
    return new Imports(owner, Organizations.createApp(owner.api(), "Imported app").getString("id"));
  }

  Api api() {
    return owner.api();
  }

  Api.Reply start(CrispWebsite website) {
    return start(website.id(), website.identifier(), website.key());
  }

  Api.Reply start(String websiteId, String identifier, String key) {
    return api().post("/api/v1/imports", """
        {"source": "crisp", "app_id": "%s", "website_id": "%s", "identifier": "%s", "key": "%s"}
        """.formatted(appId, websiteId, identifier, key));
  }

  /** Starts an import and answers its id. */
  String started(CrispWebsite website) {
    Api.Reply reply = start(website);
    assertEquals(202, reply.status(), () -> "the import did not start: " + reply);
    return reply.json().getString("id");
  }

  JsonObject get(String id) {
    return api().get("/api/v1/imports/" + id).json();
  }

  JsonObject awaitStatus(String id, String status, Duration within) {
    return Eventually.await(() -> get(id), imported -> status.equals(imported.getString("status")), within,
        "import " + id + " " + status);
  }
}
