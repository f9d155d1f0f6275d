package io.convot.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Eventually;
import io.convot.it.support.SdkHost;
import io.convot.it.support.SdkHost.Form;
import io.convot.it.support.Widget;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Every {@code set} command of the widget SDK on a real host page: each one reaches the contact
 * (read back through the REST API) or the composer, with the array queue before the loader and
 * with Crisp's host code ({@code $crisp.push}, Crisp's argument shapes) after it; a malformed
 * argument to each logs exactly one console warning and changes nothing.
 */
class SdkSetBrowserIT {

  private static SdkHost page;

  @BeforeAll
  static void start() {
    page = new SdkHost("Set Co");
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
  void everySetQueuedBeforeTheLoaderReachesTheContact() {
    page.load(Form.ARRAY, """
        Convot.push(["set", "user:email", ["mia@shop.test"]]);
        Convot.push(["set", "user:nickname", ["Mia Wong"]]);
        Convot.push(["set", "user:phone", ["+33 6 12 34 56 78"]]);
        Convot.push(["set", "user:avatar", ["https://cdn.acme.test/mia.png"]]);
        Convot.push(["set", "user:company", ["Acme", {"url": "https://acme.test", "description": "Shop tools",
          "employment": ["CTO", "Engineering"], "geolocation": ["FR", "Nantes"]}]]);
        Convot.push(["set", "session:data", [[["plan", "pro"], ["Seats", 3], ["trial", false]]]]);
        Convot.push(["set", "session:segments", [["vip", "beta"]]]);
        Convot.push(["set", "session:event", [[["plan_upgraded", {"to": "pro"}, "green"], ["signed_up"]]]]);
        Convot.push(["set", "message:text", ["I need help with my invoice"]]);
        """);
    String contactId = page.awaitSession();

    JsonObject contact = page.awaitContact(contactId, c -> c.getJsonArray("segments").size() == 2, "the segments");
    assertEquals("mia@shop.test", contact.getString("email"));
    assertEquals("Mia Wong", contact.getString("nickname"));
    assertEquals("+33 6 12 34 56 78", contact.getString("phone"));
    assertEquals("https://cdn.acme.test/mia.png", contact.getString("avatar"));
    assertEquals(Json.createObjectBuilder().add("url", "https://acme.test").add("description", "Shop tools")
        .add("employment", Json.createArrayBuilder().add("CTO").add("Engineering"))
        .add("geolocation", Json.createArrayBuilder().add("FR").add("Nantes")).add("name", "Acme").build(),
        contact.getJsonObject("company"));
    assertEquals(Json.createObjectBuilder().add("plan", "pro").add("seats", 3).add("trial", false).build(),
        contact.getJsonObject("data"));
    assertEquals(List.of("beta", "vip"), strings(contact, "segments"));
    assertEquals(Map.of("plan_upgraded", "green {\"to\":\"pro\"}", "signed_up", "null {}"), awaitEvents(contactId, 2));
    assertEquals("I need help with my invoice",
        page.inFrame(frame -> frame.findElement(By.id("text")).getDomProperty("value")));

    // session:user_hash signs the email set before: the contact is verified. The shorthand Convot.set works too.
    String hash = Widget.userHash(page.app().getString("identity_secret"), "mia@shop.test");
    page.js("Convot.push(['set', 'session:user_hash', ['" + hash + "']]); Convot.set('user:phone', ['+1 555 0100']);");
    contact = page.awaitContact(contactId, c -> c.getBoolean("verified") && "+1 555 0100".equals(c.getString("phone")),
        "the contact verified by session:user_hash");
    assertEquals("mia@shop.test", contact.getString("email"));
    assertEquals(List.of(), page.warnings());
  }

  @Test
  void crispHostCodeSetsEverythingWithCrispsArgumentShapes() {
    page.load(Form.CRISP, "$crisp.push([\"safe\", true]);");
    String contactId = page.awaitSession();
    page.js("""
        $crisp.push(["set", "user:email", ["leo@shop.test"]]);
        $crisp.push(["set", "user:nickname", ["Leo"]]);
        $crisp.push(["set", "user:phone", ["+1 555 0199"]]);
        $crisp.push(["set", "user:avatar", ["https://cdn.acme.test/leo.png"]]);
        $crisp.push(["set", "user:company", ["Leo's Shop", { url: "https://leo.test/", description: "Candles",
          employment: ["CEO"], geolocation: ["FR", "Nantes"] }]]);
        $crisp.push(["set", "session:data", [[["plan", "free"], ["country", "fr"]]]]);
        $crisp.push(["set", "session:data", ["seats", 5]]);
        $crisp.push(["set", "session:data", [{ "Region": "EU" }]]);
        $crisp.push(["set", "session:segments", [["customer"]]]);
        $crisp.push(["set", "session:segments", [["help", "beta"]]]);
        $crisp.push(["set", "session:event", [[["user_subscription_trial", { plan: "free", days: 14 }, "blue"]]]]);
        $crisp.push(["set", "message:text", ["Hi! I'd like to get help."]]);
        """);
    JsonObject contact = page.awaitContact(contactId, c -> c.getJsonArray("segments").size() == 3 && c.getJsonObject("data").size() == 4,
        "the session data and segments");
    assertEquals("leo@shop.test", contact.getString("email"));
    assertEquals("Leo", contact.getString("nickname"));
    assertEquals("+1 555 0199", contact.getString("phone"));
    assertEquals("https://cdn.acme.test/leo.png", contact.getString("avatar"));
    assertEquals("Leo's Shop", contact.getJsonObject("company").getString("name"));
    assertEquals(List.of("FR", "Nantes"), strings(contact.getJsonObject("company"), "geolocation"));
    assertEquals(Json.createObjectBuilder().add("plan", "free").add("country", "fr").add("seats", 5).add("region", "EU").build(),
        contact.getJsonObject("data"));
    assertEquals(List.of("beta", "customer", "help"), strings(contact, "segments"));
    assertEquals(Map.of("user_subscription_trial", "blue {\"plan\":\"free\",\"days\":14}"), awaitEvents(contactId, 1));
    assertEquals("Hi! I'd like to get help.", page.inFrame(frame -> frame.findElement(By.id("text")).getDomProperty("value")));

    // "" deletes a key; overwrite replaces the segments.
    page.js("""
        $crisp.push(["set", "session:data", [[["plan", ""]]]]);
        $crisp.push(["set", "session:segments", [["vip"], true]]);
        """);
    contact = page.awaitContact(contactId, c -> c.getJsonArray("segments").size() == 1 && c.getJsonObject("data").size() == 3,
        "the deleted key and the overwritten segments");
    assertEquals(List.of("vip"), strings(contact, "segments"));
    assertEquals(Set.of("country", "seats", "region"), contact.getJsonObject("data").keySet());
    assertEquals("leo@shop.test", page.js("return $crisp.get('user:email');"));
    assertEquals(List.of(), page.warnings());
  }

  @Test
  void aMalformedSetWarnsOnceAndChangesNothing() {
    page.load(Form.ARRAY, """
        Convot.push(["set", "user:email", ["ann@shop.test"]]);
        Convot.push(["set", "user:nickname", ["Ann"]]);
        Convot.push(["set", "user:phone", ["+44 20 7946 0000"]]);
        Convot.push(["set", "user:avatar", ["https://cdn.acme.test/ann.png"]]);
        Convot.push(["set", "user:company", ["Ann's", {"url": "https://ann.test"}]]);
        Convot.push(["set", "session:data", [[["plan", "pro"]]]]);
        Convot.push(["set", "session:segments", [["vip"]]]);
        Convot.push(["set", "session:event", [[["joined", {}, "green"]]]]);
        Convot.push(["set", "message:text", ["Draft"]]);
        """);
    String contactId = page.awaitSession();
    JsonObject before = page.awaitContact(contactId, c -> c.getJsonArray("segments").size() == 1, "the baseline");
    Map<String, String> eventsBefore = awaitEvents(contactId, 1);

    List<List<String>> malformed = List.of(
        List.of("user:email", "[\"set\", \"user:email\", [\"not-an-email\"]]"),
        List.of("user:email", "[\"set\", \"user:email\"]"),
        List.of("user:nickname", "[\"set\", \"user:nickname\", [42]]"),
        List.of("user:phone", "[\"set\", \"user:phone\", [\"\"]]"),
        List.of("user:avatar", "[\"set\", \"user:avatar\", [\"javascript:alert(1)\"]]"),
        List.of("user:company", "[\"set\", \"user:company\", [{\"name\": \"Acme\"}]]"),
        List.of("user:company", "[\"set\", \"user:company\", [\"Acme\", {\"employment\": \"CTO\"}]]"),
        List.of("session:data", "[\"set\", \"session:data\", [[[\"plan\"]]]]"),
        List.of("session:data", "[\"set\", \"session:data\", [{\"plan\": {\"tier\": \"gold\"}}]]"),
        List.of("session:segments", "[\"set\", \"session:segments\", [\"beta\"]]"),
        List.of("session:event", "[\"set\", \"session:event\", [[[\"\", {}, \"green\"]]]]"),
        List.of("session:event", "[\"set\", \"session:event\", [[[\"upgraded\", {}, \"fuchsia\"]]]]"),
        List.of("session:user_hash", "[\"set\", \"session:user_hash\", [123]]"),
        List.of("message:text", "[\"set\", \"message:text\", [{\"text\": \"hi\"}]]"),
        List.of("user:nickname", "[\"set\", \"user:nickname\", [function () {}]]"));
    for (List<String> command : malformed) {
      List<String> warned = page.warningsOf("Convot.push(" + command.get(1) + ");");
      assertEquals(1, warned.size(), () -> command.get(1) + " warned " + warned);
      assertTrue(warned.get(0).startsWith("Convot: ") && warned.get(0).contains(command.get(0)),
          () -> command.get(1) + " warned " + warned);
    }

    // A valid set after them all: once it reached the contact, nothing before it changed anything.
    page.js("Convot.push(['set', 'session:data', [[['probe', 1]]]]);");
    JsonObject after = page.awaitContact(contactId, c -> c.getJsonObject("data").containsKey("probe"), "the probe");
    for (String field : List.of("email", "nickname", "phone", "avatar", "company", "segments", "verified")) {
      assertEquals(before.get(field), after.get(field), field);
    }
    assertEquals(Json.createObjectBuilder().add("plan", "pro").add("probe", 1).build(), after.getJsonObject("data"));
    assertEquals(eventsBefore, events(contactId));
    assertEquals("Draft", page.inFrame(frame -> frame.findElement(By.id("text")).getDomProperty("value")));
    assertEquals("Ann", page.js("return Convot.get('user:nickname');"));
  }

  private static List<String> strings(JsonObject object, String field) {
    return object.getJsonArray(field).getValuesAs(JsonString::getString);
  }

  /** The contact's timeline events: name to "color data". */
  private static Map<String, String> events(String contactId) {
    return page.api().get("/api/v1/contacts/" + contactId + "/events").json().getJsonArray("data")
        .getValuesAs(JsonObject.class).stream()
        .collect(Collectors.toMap(e -> e.getString("name"), e -> colorOf(e) + " " + e.get("data")));
  }

  private static Map<String, String> awaitEvents(String contactId, int count) {
    return Eventually.await(() -> events(contactId), e -> e.size() >= count, Duration.ofSeconds(15), count + " events");
  }

  private static String colorOf(JsonObject event) {
    JsonValue color = event.get("color");
    return color == null || color.getValueType() == JsonValue.ValueType.NULL ? "null" : ((JsonString) color).getString();
  }
}
