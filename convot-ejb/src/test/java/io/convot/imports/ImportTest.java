package io.convot.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ImportTest {

  private static final Duration PAUSE = Duration.ofMinutes(1);
  private static final Duration LONGEST = Duration.ofMinutes(15);

  private static Import running() {
    Import imported = new Import(UUID.randomUUID(), UUID.randomUUID(), "website", null);
    imported.sealedCredentials("v1:sealed");
    imported.running();
    return imported;
  }

  @Test
  void aRateLimitWithoutRetryAfterPausesLongerWhileItLastsUpToTheLongestPause() {
    Import imported = running();
    assertEquals(Duration.ofMinutes(1), imported.rateLimited(null, PAUSE, LONGEST));
    assertEquals(Import.Status.paused, imported.status());
    assertEquals(Duration.ofMinutes(2), imported.rateLimited(null, PAUSE, LONGEST));
    assertEquals(Duration.ofMinutes(4), imported.rateLimited(null, PAUSE, LONGEST));
    assertEquals(Duration.ofMinutes(8), imported.rateLimited(null, PAUSE, LONGEST));
    assertEquals(Duration.ofMinutes(15), imported.rateLimited(null, PAUSE, LONGEST));
    assertEquals(Duration.ofMinutes(15), imported.rateLimited(null, PAUSE, LONGEST));
    imported.running();
    imported.pageStored(0, 0, 0, false);
    assertEquals(Duration.ofMinutes(1), imported.rateLimited(null, PAUSE, LONGEST), "a stored page ends the streak");
  }

  @Test
  void retryAfterWinsButNeverBeyondTheLongestPause() {
    Import imported = running();
    assertEquals(Duration.ofSeconds(7), imported.rateLimited(Duration.ofSeconds(7), PAUSE, LONGEST));
    assertEquals(LONGEST, imported.rateLimited(Duration.ofHours(2), PAUSE, LONGEST));
  }

  @Test
  void peoplePagesThenConversationPagesThenCompletedWithTheCredentialsGone() {
    Import imported = running();
    int step = imported.pageStored(50, 0, 0, false);
    assertEquals(Import.Phase.people, imported.phase());
    assertEquals(2, imported.nextPage());
    imported.pageStored(0, 0, 0, true);
    assertEquals(Import.Phase.conversations, imported.phase());
    assertEquals(1, imported.nextPage());
    imported.pageStored(3, 20, 400, false);
    imported.pageStored(0, 0, 0, true);
    assertEquals(Import.Status.completed, imported.status());
    assertEquals(2, imported.pagesDone());
    assertEquals(2, imported.pagesTotal());
    assertEquals(53, imported.contacts());
    assertNull(imported.credentialsSealed());
    assertFalse(imported.awaits(step + 3));
  }

  @Test
  void failedAttemptsCountUntilTheMaximum() {
    Import imported = running();
    assertTrue(imported.failed(4, 12, "retries exhausted: Crisp answered 503"));
    assertTrue(imported.failed(4, 12, "retries exhausted: Crisp answered 503"));
    assertFalse(imported.failed(4, 12, "retries exhausted: Crisp answered 503"));
    assertEquals(Import.Status.failed, imported.status());
    assertEquals("retries exhausted: Crisp answered 503", imported.error());
    assertNull(imported.credentialsSealed());
  }

  @Test
  void aStepMessageIsOnlyTheCurrentOne() {
    Import imported = running();
    assertTrue(imported.awaits(0));
    int next = imported.pageStored(1, 0, 0, false);
    assertFalse(imported.awaits(0), "a copy of the step just run");
    assertTrue(imported.awaits(next));
    imported.fail("Cancelled");
    assertFalse(imported.awaits(next), "a cancelled import runs nothing more");
  }
}
