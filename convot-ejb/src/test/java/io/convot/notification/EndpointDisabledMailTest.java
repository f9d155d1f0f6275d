package io.convot.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.webhook.EndpointDisabled;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EndpointDisabledMailTest {

  private static final UUID ENDPOINT = UUID.fromString("6b0c6c1e-0000-4000-8000-000000000001");
  private final EndpointDisabled disabled = new EndpointDisabled(UUID.randomUUID(), ENDPOINT,
      "https://hooks.shop.test/convot?token=abc", "Orders <sync>", "The endpoint answered 410 Gone",
      Instant.parse("2026-11-16T08:00:00.123Z"), Instant.parse("2026-11-21T10:15:30Z"));

  private final Mail mail = EndpointDisabledMail.compose(disabled, "Acme & Co", new Owners.Recipient("ann@acme.test", "Ann"));

  @Test
  void tellsWhichEndpointWhyAndSinceWhen() {
    assertEquals("ann@acme.test", mail.to());
    assertTrue(mail.text().contains("https://hooks.shop.test/convot?token=abc"));
    assertTrue(mail.text().contains("Orders <sync>"));
    assertTrue(mail.text().contains("The endpoint answered 410 Gone"));
    assertTrue(mail.text().contains("2026-11-16 08:00:00 UTC"));
    assertTrue(mail.text().contains("2026-11-21 10:15:30 UTC"));
    assertTrue(mail.text().contains("Hello Ann,"));
  }

  @Test
  void saysHowToEnableAndReplay() {
    assertTrue(mail.text().contains("POST /api/v1/webhooks/" + ENDPOINT + "/enable"));
    assertTrue(mail.text().contains("POST /api/v1/webhooks/" + ENDPOINT + "/replay"));
    assertTrue(mail.text().contains("{\"since\": \"2026-11-16T08:00:00Z\"}"));
  }

  @Test
  void theSubjectNamesOnlyTheHost() {
    assertEquals("Webhook endpoint disabled: hooks.shop.test", mail.subject());
  }

  @Test
  void theHtmlIsEscaped() {
    assertTrue(mail.html().contains("Orders &lt;sync&gt;"));
    assertTrue(mail.html().contains("Acme &amp; Co"));
    assertFalse(mail.html().contains("<sync>"));
  }
}
