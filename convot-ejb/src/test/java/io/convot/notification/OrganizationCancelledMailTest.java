package io.convot.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.lifecycle.OrganizationCancelled;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrganizationCancelledMailTest {

  private final Mail mail = OrganizationCancelledMail.compose(
      new OrganizationCancelled(UUID.randomUUID(), Instant.parse("2026-11-01T09:30:00Z"), Instant.parse("2026-12-01T09:30:00Z")),
      "Acme <b>&</b> Co", new Owners.Recipient("ann@acme.test", "Ann"));

  @Test
  void saysWhenTheDataGoesAndHowToUndoIt() {
    assertEquals("ann@acme.test", mail.to());
    assertEquals("Your Convot organization is cancelled: data deleted on 2026-12-01 09:30 UTC", mail.subject());
    assertTrue(mail.text().contains("Acme <b>&</b> Co was cancelled on Convot on 2026-11-01 09:30 UTC."), mail.text());
    assertTrue(mail.text().contains("On 2026-12-01 09:30 UTC every conversation"), mail.text());
    assertTrue(mail.text().contains("POST /api/v1/organization/reactivate"), mail.text());
    assertTrue(mail.text().contains("POST /api/v1/organization/export"), mail.text());
    assertTrue(mail.text().startsWith("Hello Ann,"), mail.text());
  }

  @Test
  void theOrganizationsNameIsTextInTheHtmlAndNotInTheSubject() {
    assertTrue(mail.html().contains("Acme &lt;b&gt;&amp;&lt;/b&gt; Co"), mail.html());
    assertFalse(mail.html().contains("<b>&</b>"), mail.html());
    assertFalse(mail.subject().contains("Acme"));
  }
}
