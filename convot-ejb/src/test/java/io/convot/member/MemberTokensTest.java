package io.convot.member;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** Which tokens still speak for a member after a password change. */
class MemberTokensTest {

  private final Member member = Member.owner("ann@example.test", "Ann", "hash-1");

  @Test
  void aPasswordChangeKeepsTheTokenThatMadeItAndEndsTheOthers() {
    Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    assertTrue(member.acceptsToken("other", before));

    member.changePassword("hash-2", "changer");

    assertTrue(member.acceptsToken("changer", before));
    assertFalse(member.acceptsToken("other", before), "a token of the change's own second ends too");
    assertTrue(member.acceptsToken("new", member.tokensValidAfter()), "a token issued at the cut works");
    assertTrue(member.tokensValidAfter().isAfter(before));
  }

  @Test
  void aSecondChangeEndsTheTokenKeptByTheFirst() {
    Instant issued = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    member.changePassword("hash-2", "first changer");

    member.changePassword("hash-3", "second changer");

    assertFalse(member.acceptsToken("first changer", issued));
    assertTrue(member.acceptsToken("second changer", issued));
  }
}
