package io.convot.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.convot.common.ConvotException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class IntegrationTokenTest {

  private static final Duration MAX = Duration.ofDays(60);

  @Test
  void withoutExpiresInATokenLivesAsLongAsASignInToken() {
    assertEquals(MAX, IntegrationToken.lifetime(null, MAX));
  }

  @Test
  void expiresInIsBetweenAMinuteAndTheLongestLifetime() {
    assertEquals(Duration.ofMinutes(1), IntegrationToken.lifetime(60L, MAX));
    assertEquals(MAX, IntegrationToken.lifetime(MAX.toSeconds(), MAX));
    for (long seconds : new long[] {-1, 0, 59, MAX.toSeconds() + 1, Long.MAX_VALUE}) {
      ConvotException refused = assertThrows(ConvotException.class, () -> IntegrationToken.lifetime(seconds, MAX));
      assertEquals("expires_in", refused.fieldErrors().get(0).field());
    }
  }
}
