package io.convot.it.widget;

import static io.convot.it.support.ProblemAssert.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Api;
import io.convot.it.support.Database;
import io.convot.it.support.Organizations;
import io.convot.it.support.Widget;
import jakarta.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Identity verification: with it required, every session that did not prove its identity with the
 * app's HMAC is refused; verified people are one contact on every device; nobody else sees their history.
 */
class IdentityVerificationIT {

  private final Organizations.Owner owner = Organizations.signUp("Verified Co");
  private final JsonObject strictApp = Widget.createApp(owner.api(), "Strict", true);
  private final Widget strict = new Widget(strictApp.getString("app_key"));
  private final String secret = strictApp.getString("identity_secret");

  private String user(String email, String externalId, String hash) {
    String user = "\"user\": {\"email\": \"" + email + "\"" + (externalId == null ? "" : ", \"external_id\": \"" + externalId + "\"") + "}";
    return hash == null ? user : user + ", \"user_hash\": \"" + hash + "\"";
  }

  private long sessionsOf(String appKey) {
    return Database.count("SELECT count(*) FROM widget_sessions s JOIN apps a ON a.id = s.app_id WHERE a.app_key = ?", appKey);
  }

  @Test
  void refusesAnAnonymousSessionWhenVerificationIsRequired() {
    assertProblem(strict.start(""), 401, "identity_verification_required");
    assertEquals(0, sessionsOf(strict.appKey()));
  }

  @Test
  void refusesASessionWithoutHash() {
    assertProblem(strict.start(user("ann@shop.test", null, null)), 401, "identity_verification_required");
    assertEquals(0, sessionsOf(strict.appKey()));
  }

  @Test
  void refusesASessionWithAWrongHash() {
    String hashOfSomeoneElse = Widget.userHash(secret, "bob@shop.test");
    assertProblem(strict.start(user("ann@shop.test", null, hashOfSomeoneElse)), 401, "identity_verification_required");
    assertProblem(strict.start(user("ann@shop.test", null, Widget.userHash("not-the-secret", "ann@shop.test"))), 401,
        "identity_verification_required");
    assertEquals(0, sessionsOf(strict.appKey()));
  }

  @Test
  void acceptsAnEmailSignedWithTheAppsSecret() {
    Api.Reply reply = strict.start(user("ann@shop.test", null, Widget.userHash(secret, "ann@shop.test")));

    assertEquals(201, reply.status(), reply::toString);
    assertTrue(reply.json().getBoolean("verified"));
    assertTrue(reply.string("session_token").startsWith("cvs_"));
    JsonObject contact = owner.api().get("/api/v1/contacts/" + reply.string("contact_id")).json();
    assertTrue(contact.getBoolean("verified"));
    assertEquals("ann@shop.test", contact.getString("email"));
  }

  @Test
  void acceptsAnExternalIdSignedWithTheAppsSecretAndIgnoresTheEmailForTheHash() {
    String externalId = "merchant-" + UUID.randomUUID();
    Api.Reply reply = strict.start(user("ann@shop.test", externalId, Widget.userHash(secret, externalId)));

    assertEquals(201, reply.status(), reply::toString);
    assertTrue(reply.json().getBoolean("verified"));
    JsonObject contact = owner.api().get("/api/v1/contacts/" + reply.string("contact_id")).json();
    assertEquals(externalId, contact.getString("external_id"));
    // Signing the email instead of the external id does not verify.
    assertProblem(strict.start(user("ann@shop.test", externalId, Widget.userHash(secret, "ann@shop.test"))), 401,
        "identity_verification_required");
  }

  @Test
  void refusesAnIdentityChangedWithoutANewHash() {
    String token = strict.session(user("ann@shop.test", null, Widget.userHash(secret, "ann@shop.test")));
    Widget.send(token, "hello from Ann");
    long contacts = Database.count("SELECT count(*) FROM contacts c JOIN apps a ON a.id = c.app_id WHERE a.app_key = ?", strict.appKey());

    Api.Reply changed = Widget.client(token).patch("/widget/v1/session", "{\"user\": {\"email\": \"mallory@shop.test\"}}");

    assertProblem(changed, 401, "identity_verification_required");
    assertEquals(contacts, Database.count("SELECT count(*) FROM contacts c JOIN apps a ON a.id = c.app_id WHERE a.app_key = ?", strict.appKey()));
    // The session itself still works as Ann's.
    assertEquals(1, Widget.messages(token).json().getJsonArray("data").size());
  }

  @Test
  void refusesEveryRequestOfAnUnverifiedSessionOnceVerificationBecomesRequired() {
    JsonObject app = Widget.createApp(owner.api(), "Lenient for now", false);
    String token = new Widget(app.getString("app_key")).session(user("ann@shop.test", null, null));
    assertEquals(200, Widget.messages(token).status());

    owner.api().patch("/api/v1/apps/" + app.getString("id"), "{\"require_identity_verification\": true}");

    assertProblem(Widget.messages(token), 401, "identity_verification_required");
    assertProblem(Widget.send(token, "still there?"), 401, "identity_verification_required");
  }

  @Test
  void aVerifiedContactFindsItsConversationOnAnotherDevice() {
    String externalId = "merchant-" + UUID.randomUUID();
    String signed = user("ann@shop.test", externalId, Widget.userHash(secret, externalId));
    String laptop = strict.session(signed);
    Widget.send(laptop, "Sent from my laptop");

    Api.Reply phone = strict.start(signed);

    assertEquals(201, phone.status(), phone::toString);
    assertNotEquals(laptop, phone.string("session_token"));
    var history = Widget.messages(phone.string("session_token")).json().getJsonArray("data");
    assertEquals(1, history.size());
    assertEquals("Sent from my laptop", history.getJsonObject(0).getString("text"));
  }

  @Test
  void anUnverifiedSessionNeverSeesAVerifiedContactsHistory() {
    JsonObject app = Widget.createApp(owner.api(), "Optional verification", false);
    Widget widget = new Widget(app.getString("app_key"));
    String appSecret = app.getString("identity_secret");
    String verified = widget.session(user("ann@shop.test", null, Widget.userHash(appSecret, "ann@shop.test")));
    Widget.send(verified, "my private question");

    Api.Reply impostor = widget.start(user("ann@shop.test", null, null));

    assertEquals(201, impostor.status(), impostor::toString);
    assertFalse(impostor.json().getBoolean("verified"));
    assertEquals(0, Widget.messages(impostor.string("session_token")).json().getJsonArray("data").size());
    JsonObject contact = owner.api().get("/api/v1/contacts/" + impostor.string("contact_id")).json();
    assertFalse(contact.getBoolean("verified"));
  }

  @Test
  void anotherPersonOnTheSameBrowserGetsAFreshSessionWithoutThePreviousHistory() {
    JsonObject app = Widget.createApp(owner.api(), "Shared devices", false);
    Widget widget = new Widget(app.getString("app_key"));
    String ann = widget.session(user("ann@shop.test", null, null));
    Widget.send(ann, "Ann's question");

    Api.Reply bob = Widget.client(ann).patch("/widget/v1/session", "{\"user\": {\"email\": \"bob@shop.test\"}}");

    assertEquals(200, bob.status(), bob::toString);
    assertNotEquals(ann, bob.string("session_token"));
    assertEquals(0, Widget.messages(bob.string("session_token")).json().getJsonArray("data").size());
    // Resuming the old token anonymously (someone signed out) starts afresh too.
    Api.Reply signedOut = widget.start("", ann);
    assertEquals(201, signedOut.status());
    assertNotEquals(ann, signedOut.string("session_token"));
    assertEquals(0, Widget.messages(signedOut.string("session_token")).json().getJsonArray("data").size());
  }

  @Test
  void theSameVisitorResumesTheirSession() {
    JsonObject app = Widget.createApp(owner.api(), "Resume", false);
    Widget widget = new Widget(app.getString("app_key"));
    Api.Reply first = widget.start(user("ann@shop.test", null, null));
    Widget.send(first.string("session_token"), "first visit");

    Api.Reply again = widget.start(user("ann@shop.test", null, null), first.string("session_token"));

    assertEquals(first.string("session_token"), again.string("session_token"));
    assertEquals(first.string("contact_id"), again.string("contact_id"));
    assertEquals(1, Widget.messages(again.string("session_token")).json().getJsonArray("data").size());
  }

  @Test
  void aRotatedSecretStillVerifiesDuringItsGracePeriod() {
    String oldHash = Widget.userHash(secret, "ann@shop.test");
    JsonObject rotated = owner.api().post("/api/v1/apps/" + strictApp.getString("id") + "/identity-secret/rotate", "").json();

    assertEquals(201, strict.start(user("ann@shop.test", null, oldHash)).status());
    assertEquals(201, strict.start(user("ann@shop.test", null, Widget.userHash(rotated.getString("identity_secret"), "ann@shop.test"))).status());
  }
}
