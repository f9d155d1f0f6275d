package io.convot.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class UsageTest {

  private static final Limit PER_IP = new Limit("ip", 100);
  private static final Limit PER_TOKEN = new Limit("token", 10);

  @Test
  void theLimitWithFewerRequestsLeftIsTheOneToTell() {
    Usage ip = new Usage(PER_IP, 95, 30);
    Usage token = new Usage(PER_TOKEN, 2, 50);

    assertEquals(ip, Usage.tightest(List.of(ip, token)));
    assertEquals(5, ip.remaining());
  }

  @Test
  void anExceededLimitIsTheOneToTellAndTheLastToFreeUpDecidesRetryAfter() {
    Usage ip = new Usage(PER_IP, 101, 30);
    Usage token = new Usage(PER_TOKEN, 11, 50);
    Usage fresh = new Usage(new Limit("other", 1000), 1, 60);

    Usage tightest = Usage.tightest(List.of(fresh, ip, token));

    assertEquals(token, tightest);
    assertTrue(tightest.exceeded());
    assertEquals(0, tightest.remaining());
  }

  @Test
  void reachingTheLimitExhaustsItButOnlyGoingPastExceedsIt() {
    Usage atLimit = new Usage(PER_TOKEN, 10, 5);

    assertTrue(atLimit.exhausted());
    assertFalse(atLimit.exceeded());
    assertFalse(new Usage(PER_TOKEN, 9, 5).exhausted());
  }
}
