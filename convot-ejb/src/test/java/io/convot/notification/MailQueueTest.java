package io.convot.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.common.JsonText;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MailQueueTest {

  @Test
  void aMailReadsBackAsItWasQueued() {
    Mail member = new Mail("ann@acme.test", "New message", "text", "<p>html</p>", "https://convot.test/app/#/settings/notifications",
        Instant.parse("2026-12-07T11:00:00Z"));
    assertEquals(member, MailQueue.read(JsonText.write(member)));
    Mail notice = Mail.of("ann@acme.test", "Webhook endpoint disabled", "text", null);
    assertEquals(notice, MailQueue.read(JsonText.write(notice)));
  }

  @Test
  void anExpiredMailIsNewsNoMore() {
    Mail mail = new Mail("a@b.test", "s", "t", null, null, Instant.parse("2026-12-07T11:00:00Z"));
    assertFalse(mail.expired(Instant.parse("2026-12-07T10:59:59Z")));
    assertTrue(mail.expired(Instant.parse("2026-12-07T11:00:01Z")));
    assertFalse(Mail.of("a@b.test", "s", "t", null).expired(Instant.MAX));
  }
}
