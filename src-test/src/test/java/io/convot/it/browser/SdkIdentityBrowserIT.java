package io.convot.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Browser;
import io.convot.it.support.Eventually;
import io.convot.it.support.SdkHost;
import io.convot.it.support.SdkHost.Form;
import io.convot.it.support.Widget;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * {@code Convot.identify} and {@code do session:reset} on a real host page: identify sets the
 * whole identity in one call (queued before the loader or called after it) and a valid
 * {@code user_hash} verifies the contact; a malformed identify logs exactly one console warning and
 * changes nothing; a reset starts a fresh anonymous session that shows none of the previous
 * person's conversation and that the page keeps, also with Crisp's host code and reload flag.
 */
class SdkIdentityBrowserIT {

  private static SdkHost page;

  @BeforeAll
  static void start() {
    page = new SdkHost("Identity Co");
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
  void identifySetsTheWholeIdentityInOneCall() {
    page.newApp("Acme Orders");
    String hash = Widget.userHash(page.app().getString("identity_secret"), "cust_42");
    page.reload(Form.ARRAY, """
        Convot.push(["identify", {email: "kim@shop.test", external_id: "cust_42", user_hash: "%s", nickname: "Kim",
          avatar: "https://cdn.acme.test/kim.png", phone: "+81 3 1234 5678", company: {name: "Kim Co", url: "https://kim.test"}}]);
        """.formatted(hash));
    String contactId = page.awaitSession();
    JsonObject contact = page.awaitContact(contactId, c -> c.getBoolean("verified"), "the verified contact");
    assertEquals(List.of("kim@shop.test", "cust_42", "Kim", "https://cdn.acme.test/kim.png", "+81 3 1234 5678"),
        List.of(contact.getString("email"), contact.getString("external_id"), contact.getString("nickname"),
            contact.getString("avatar"), contact.getString("phone")));
    assertEquals("Kim Co", contact.getJsonObject("company").getString("name"));
    assertEquals(List.of("kim@shop.test", "Kim", "+81 3 1234 5678"),
        page.js("return [Convot.get('user:email'), Convot.get('user:nickname'), Convot.get('user:phone')];"));

    // After the loader: a later call changes what it names, and only that.
    page.js("Convot.identify({nickname: 'Kimberly'});");
    contact = page.awaitContact(contactId, c -> "Kimberly".equals(c.getString("nickname")), "the new nickname");
    assertEquals(List.of("kim@shop.test", "cust_42", "+81 3 1234 5678", "true"), List.of(contact.getString("email"),
        contact.getString("external_id"), contact.getString("phone"), String.valueOf(contact.getBoolean("verified"))));
    assertEquals(List.of(), page.warnings());
  }

  @Test
  void identifyWithTheObjectFormAndANumericExternalId() {
    page.newApp("Acme Orders");
    String hash = Widget.userHash(page.app().getString("identity_secret"), "4242");
    page.reload(Form.OBJECT, "");
    page.awaitSession();
    page.js("Convot.identify({email: 'num@shop.test', external_id: 4242, user_hash: '" + hash + "'});");
    JsonObject contact = Eventually.await(() -> page.contact((String) page.js("return Convot.get('session:identifier');")),
        c -> c.getBoolean("verified") && "4242".equals(c.getString("external_id", null)), Duration.ofSeconds(15),
        "the session's contact verified with its external id");
    assertEquals("num@shop.test", contact.getString("email"));
    assertEquals(List.of(), page.warnings());
  }

  @Test
  void aMalformedIdentifyWarnsOnceAndChangesNothing() {
    page.load(Form.ARRAY, "Convot.push([\"identify\", {email: \"lee@shop.test\", nickname: \"Lee\"}]);");
    String contactId = page.awaitSession();
    JsonObject before = page.awaitContact(contactId, c -> "Lee".equals(c.getString("nickname", null)), "the baseline");

    List<List<String>> malformed = List.of(
        List.of("expects an object", "Convot.identify('lee@other.test');"),
        List.of("\"email\"", "Convot.identify({email: 'not-an-email'});"),
        List.of("\"mail\"", "Convot.identify({mail: 'lee@other.test'});"),
        List.of("\"nickname\"", "Convot.identify({email: 'lee@other.test', nickname: 42});"),
        List.of("\"company\"", "Convot.identify({company: 'Acme'});"),
        List.of("\"external_id\"", "Convot.push(['identify', {external_id: {id: 1}}]);"),
        List.of("plain JSON", "var o = {email: 'lee@other.test'}; o.self = o; Convot.identify(o);"));
    for (List<String> call : malformed) {
      List<String> warned = page.warningsOf(call.get(1));
      assertEquals(1, warned.size(), () -> call.get(1) + " warned " + warned);
      assertTrue(warned.get(0).startsWith("Convot: identify") && warned.get(0).contains(call.get(0)), () -> call.get(1) + " warned " + warned);
    }
    page.js("Convot.push(['set', 'session:data', [[['probe', 1]]]]);");
    JsonObject after = page.awaitContact(contactId, c -> c.getJsonObject("data").containsKey("probe"), "the probe");
    for (String field : List.of("email", "external_id", "nickname", "avatar", "phone", "company", "verified")) {
      assertEquals(before.get(field), after.get(field), field);
    }
    assertEquals(List.of("lee@shop.test", "Lee", contactId),
        page.js("return [Convot.get('user:email'), Convot.get('user:nickname'), Convot.get('session:identifier')];"));
  }

  @Test
  void sessionResetStartsAFreshAnonymousSessionWithoutThePreviousConversation() {
    page.load(Form.ARRAY, """
        Convot.push(["on", "session:loaded", __listener("session:loaded")]);
        Convot.push(["identify", {email: "ann@shop.test", nickname: "Ann"}], ["do", "chat:open"]);
        """);
    String ann = page.awaitSession();
    page.js("Convot.push(['do', 'message:send', ['text', 'My private order question']]);");
    JsonObject annsConversation = page.awaitConversation();
    awaitTranscript(1);

    page.js("Convot.push(['do', 'session:reset']);");
    String fresh = page.awaitJs("return Convot.get('session:identifier') || null;", id -> id != null && !ann.equals(id), "a new session");
    assertEquals(List.of("session:loaded \"" + ann + "\"", "session:loaded \"" + fresh + "\""), page.awaitEvent("session:loaded", 2));
    assertEquals(java.util.Arrays.asList(null, null, false), page.js(
        "return [Convot.get('user:email'), Convot.get('user:nickname'), Convot.is('session:ongoing')];"));
    awaitTranscript(0);
    page.screenshot("sdk-after-reset");
    JsonObject freshContact = page.contact(fresh);
    assertNull(freshContact.getString("email", null));
    assertEquals("ann@shop.test", page.contact(ann).getString("email"));

    page.js("Convot.push(['do', 'message:send', ['text', 'Someone else now']]);");
    awaitTranscript(1);
    assertEquals(List.of("Someone else now"), page.inFrame(frame -> frame.findElements(By.cssSelector("#log li.msg"))
        .stream().map(li -> li.findElement(By.className("bubble")).getText()).toList()));
    List<JsonObject> messages = page.api().get("/api/v1/conversations/" + annsConversation.getString("id") + "/messages").json()
        .getJsonArray("data").getValuesAs(JsonObject.class);
    assertEquals(List.of("My private order question"), messages.stream().map(m -> m.getString("text")).toList());

    // The page keeps the fresh session.
    page.reload(Form.OBJECT, "");
    assertEquals(fresh, page.awaitSession());
    assertEquals(List.of(), page.warnings());
  }

  @Test
  void crispHostCodeResetsWithItsReloadFlag() {
    page.load(Form.CRISP, "$crisp.push([\"set\", \"user:email\", [\"rae@shop.test\"]]);");
    String rae = page.awaitSession();
    page.awaitContact(rae, c -> "rae@shop.test".equals(c.getString("email", null)), "the email");
    page.js("$crisp.push(['do', 'session:reset', [false]]);");
    String fresh = page.awaitJs("return $crisp.get('session:identifier') || null;", id -> id != null && !rae.equals(id), "a new session");
    assertNull(page.js("return $crisp.get('user:email');"));
    assertNull(page.contact(fresh).getString("email", null));
    assertEquals(List.of(), page.warnings());
  }

  private static void awaitTranscript(int messages) {
    page.inFrame(frame -> Browser.waitUpTo(frame, 15).until(ExpectedConditions.numberOfElementsToBe(
        By.cssSelector("#log li.msg:not(.pending)"), messages)));
  }
}
