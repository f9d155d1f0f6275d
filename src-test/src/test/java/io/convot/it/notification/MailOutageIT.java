package io.convot.it.notification;

import static io.convot.it.notification.OwnerMailFixtures.SOON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.MailServer;
import io.convot.it.support.Organizations;
import io.convot.it.support.Receiver;
import io.convot.it.support.Receiver.Answer;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * With no SMTP server answering, webhooks behave exactly as before: the endpoint is disabled and
 * stays so, the delivery's 410 is recorded, and nothing is rolled back. The notice is not lost
 * either: once the SMTP server answers, a retry delivers it.
 */
class MailOutageIT {

  private final Receiver receiver = OwnerMailFixtures.receiver();
  private final Organizations.Owner owner = OwnerMailFixtures.quiet(Organizations.signUp("Offline Mail Co"));
  private MailServer mailServer;

  @AfterEach
  void stop() {
    receiver.close();
    if (mailServer != null) {
      mailServer.close();
    }
  }

  @Test
  void anUnreachableMailServerChangesNothingForWebhooksAndTheNoticeArrivesOnceItAnswers() {
    receiver.otherwise(Answer.of(410));
    JsonObject endpoint = OwnerMailFixtures.endpoint(owner.api(), receiver.url(), "No mail today", List.of("message.received"));
    String id = endpoint.getString("id");

    OwnerMailFixtures.visitorWrites(owner.api(), "hello?");

    JsonObject disabled = OwnerMailFixtures.awaitEndpoint(owner.api(), id, false);
    assertTrue(disabled.getString("disabled_reason").contains("410"), disabled::toString);
    JsonObject delivery = OwnerMailFixtures.awaitFailedDeliveries(owner.api(), id, 1).get(0);
    assertEquals(List.of(410), delivery.getJsonArray("attempts").stream().map(a -> a.asJsonObject().getInt("status_code")).toList());
    assertEquals(false, owner.api().get("/api/v1/webhooks/" + id).json().getBoolean("active"), "the disabling was not rolled back");

    mailServer = MailServer.start();
    MailServer.Mail mail = mailServer.await(owner.email(), 1, Duration.ofSeconds(60)).get(0);
    assertTrue(mail.text().contains(receiver.url()), mail.text());

    receiver.otherwise(Answer.of(200));
    assertTrue(owner.api().post("/api/v1/webhooks/" + id + "/enable", "").json().getBoolean("active"));
    assertEquals(202, owner.api().post("/api/v1/webhooks/" + id + "/replay", "{\"since\": \"2020-01-01T00:00:00Z\"}").status());
    receiver.await(Receiver.ofType("message.received"), 2, SOON);
    assertEquals(1, mailServer.to(owner.email()).size());
  }
}
