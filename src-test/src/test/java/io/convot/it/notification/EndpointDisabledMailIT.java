package io.convot.it.notification;

import static io.convot.it.notification.OwnerMailFixtures.SOON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Database;
import io.convot.it.support.Eventually;
import io.convot.it.support.MailServer;
import io.convot.it.support.Organizations;
import io.convot.it.support.Receiver;
import io.convot.it.support.Receiver.Answer;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * When a webhook endpoint disables itself, each active owner of its organization gets one mail
 * (through a real SMTP server) saying which endpoint, why, since when and what to do; nobody else
 * does, and no mail holds the endpoint's secret.
 */
class EndpointDisabledMailIT {

  private final MailServer mailServer = MailServer.start();
  private final Receiver receiver = OwnerMailFixtures.receiver();
  private final Organizations.Owner owner = OwnerMailFixtures.quiet(Organizations.signUp("Gone Co"));

  @AfterEach
  void stop() {
    receiver.close();
    mailServer.close();
  }

  @Test
  void goneMailsEveryActiveOwnerOnceAndNobodyElse() {
    String secondOwner = OwnerMailFixtures.activeMember(owner, "owner");
    String admin = OwnerMailFixtures.activeMember(owner, "admin");
    String agent = OwnerMailFixtures.activeMember(owner, "agent");
    String invitedOwner = OwnerMailFixtures.invite(owner, "owner");
    Organizations.Owner otherOrganization = Organizations.signUp("Bystander Co");
    // Slow and gone: the four deliveries are all in flight before the first 410 is recorded.
    receiver.slow(Duration.ofMillis(800)).otherwise(Answer.of(410));
    JsonObject endpoint = OwnerMailFixtures.endpoint(owner.api(), receiver.url(), "Order sync", List.of());
    String id = endpoint.getString("id");
    String secret = endpoint.getString("secret");
    String rotated = owner.api().post("/api/v1/webhooks/" + id + "/secret/rotate", "").string("secret");

    OwnerMailFixtures.visitorWrites(owner.api(), "is anyone there?");

    OwnerMailFixtures.awaitEndpoint(owner.api(), id, false);
    MailServer.Mail mail = mailServer.await(owner.email(), 1, SOON).get(0);
    mailServer.await(secondOwner, 1, SOON);
    OwnerMailFixtures.awaitFailedDeliveries(owner.api(), id, 4);
    assertStaysAtOneMailEach(List.of(owner.email(), secondOwner));
    for (String nobody : List.of(admin, agent, invitedOwner, otherOrganization.email())) {
      assertEquals(List.of(), mailServer.to(nobody), () -> nobody + " got mail");
    }

    assertEquals("Webhook endpoint disabled: 127.0.0.1", mail.subject());
    assertTrue(mail.text().contains(receiver.url()), mail.text());
    assertTrue(mail.text().contains("Order sync"), mail.text());
    assertTrue(mail.text().contains("Gone Co"), mail.text());
    assertTrue(mail.text().contains("410 Gone"), mail.text());
    assertTrue(mail.text().contains("Failing since:"), mail.text());
    assertTrue(mail.text().contains("POST /api/v1/webhooks/" + id + "/enable"), mail.text());
    assertTrue(mail.text().contains("POST /api/v1/webhooks/" + id + "/replay"), mail.text());
    assertNotNull(mail.html());
    assertTrue(mail.html().contains("/api/v1/webhooks/" + id + "/enable"), mail.html());
    for (String key : List.of(secret, rotated)) {
      assertFalse(mail.raw().contains(key.substring("whsec_".length())), "a signing secret is in the mail");
    }
    assertFalse(mail.raw().contains("whsec_"));
  }

  @Test
  void fiveDaysOfFailuresMailTheOwnerOnce() {
    receiver.otherwise(Answer.of(500));
    JsonObject endpoint = OwnerMailFixtures.endpoint(owner.api(), receiver.url(), "Flaky receiver", List.of("message.received"));
    UUID id = UUID.fromString(endpoint.getString("id"));

    OwnerMailFixtures.visitorWrites(owner.api(), "hello?");
    // The first failure starts the clock; set it back six days, as if every attempt had failed since.
    Eventually.await(() -> Database.single("SELECT failing_since FROM webhook_endpoints WHERE id = ?", id), since -> since != null,
        SOON, "the endpoint's first failure");
    Instant sixDaysAgo = Instant.now().minus(6, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    assertEquals(1, Database.update("UPDATE webhook_endpoints SET failing_since = ? WHERE id = ?", sixDaysAgo.atOffset(ZoneOffset.UTC), id));

    JsonObject disabled = OwnerMailFixtures.awaitEndpoint(owner.api(), id.toString(), false);
    assertTrue(disabled.getString("disabled_reason").contains("5 days"), disabled::toString);
    MailServer.Mail mail = mailServer.await(owner.email(), 1, SOON).get(0);
    assertTrue(mail.text().contains("Every delivery failed for 5 days"), mail.text());
    assertTrue(mail.text().contains("Flaky receiver"), mail.text());
    String since = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC).format(sixDaysAgo);
    assertTrue(mail.text().contains("Failing since: " + since), mail.text());
    assertTrue(mail.text().contains("{\"since\": \"" + sixDaysAgo + "\"}"), mail.text());
    OwnerMailFixtures.awaitFailedDeliveries(owner.api(), id.toString(), 1);
    assertStaysAtOneMailEach(List.of(owner.email()));
  }

  @Test
  void enablingTheEndpointAgainSendsNothing() {
    receiver.answer(Answer.of(410));
    JsonObject endpoint = OwnerMailFixtures.endpoint(owner.api(), receiver.url(), "Comes back", List.of("message.received"));
    String id = endpoint.getString("id");
    owner.api().post("/api/v1/webhooks/" + id + "/test", "");
    OwnerMailFixtures.awaitEndpoint(owner.api(), id, false);
    mailServer.await(owner.email(), 1, SOON);

    assertTrue(owner.api().post("/api/v1/webhooks/" + id + "/enable", "").json().getBoolean("active"));
    owner.api().post("/api/v1/webhooks/" + id + "/test", "");
    receiver.await(Receiver.ofType("webhook.test"), 2, SOON);

    assertStaysAtOneMailEach(List.of(owner.email()));
  }

  /** A second mail would come moments after the first: none does within a few seconds. */
  private void assertStaysAtOneMailEach(List<String> addresses) {
    long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
    while (System.nanoTime() < deadline) {
      for (String address : addresses) {
        assertEquals(1, mailServer.to(address).size(), () -> "mails to " + address);
      }
      java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
    }
  }
}
