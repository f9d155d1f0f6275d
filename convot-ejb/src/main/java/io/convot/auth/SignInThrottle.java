package io.convot.auth;

import io.convot.common.Emails;
import io.convot.common.Randoms;
import io.convot.common.RateLimitExceeded;
import io.convot.ratelimit.ClientAddress;
import io.convot.ratelimit.Limit;
import io.convot.ratelimit.RateWindows;
import io.convot.ratelimit.Usage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Slows password guessing: failed sign-ins (and sign-ups refused for a registered email, which
 * probe the same thing) are counted for 15 minutes per email and client address, and per client
 * address. Past either bound, sign-in is refused before the password is even checked. The count
 * per email is per address on purpose: failures from one place never lock the account out
 * everywhere, so nobody can lock a person out by guessing at their email.
 * <p>
 * A wrong current password on a password change is a guess too. It counts against the client
 * address (the same count as failed sign-ins) and against the member, from every address: whoever
 * guesses there already holds one of the member's tokens, and spreading guesses over addresses
 * must not multiply them. Being held back blocks only password changes, never the member's sign-in.
 */
@ApplicationScoped
public class SignInThrottle {

  static final Duration WINDOW = Duration.ofMinutes(15);

  @Inject RateWindows windows;

  @Inject
  @ConfigProperty(name = "convot.auth.sign-in.max-failures-per-email", defaultValue = "10")
  int maxPerEmail;

  @Inject
  @ConfigProperty(name = "convot.auth.sign-in.max-failures-per-ip", defaultValue = "50")
  int maxPerIp;

  /** Refuses with 429 when this email from this address, or this address, has failed too often. */
  public void checkAllowed(String email, ClientAddress client) {
    refuseWhenExhausted(limits(emailKey(email, client), client), "Too many failed sign-ins");
  }

  public void failed(String email, ClientAddress client) {
    windows.hit(WINDOW, limits(emailKey(email, client), client));
  }

  /** The person got in: their earlier failures from this address are forgiven (those of the address are not). */
  public void succeeded(String email, ClientAddress client) {
    windows.clear(List.of(emailKey(email, client)));
  }

  /** Refuses with 429 when this member, or this address, has given a wrong password too often. */
  public void checkPasswordChangeAllowed(UUID memberId, ClientAddress client) {
    refuseWhenExhausted(limits(memberKey(memberId), client), "Too many wrong passwords");
  }

  public void passwordChangeFailed(UUID memberId, ClientAddress client) {
    windows.hit(WINDOW, limits(memberKey(memberId), client));
  }

  /** The member proved their password: their earlier wrong ones are forgiven (the address's are not). */
  public void passwordChangeSucceeded(UUID memberId) {
    windows.clear(List.of(memberKey(memberId)));
  }

  private void refuseWhenExhausted(List<Limit> limits, String what) {
    Usage tightest = Usage.tightest(windows.peek(limits));
    if (tightest.exhausted()) {
      throw new RateLimitExceeded(what + "; retry after " + tightest.resetSeconds() + " s", tightest.resetSeconds());
    }
  }

  // One bound per person (maxPerEmail) and one per address, which sign-ins and password changes share.
  private List<Limit> limits(String personKey, ClientAddress client) {
    List<Limit> limits = new ArrayList<>(2);
    limits.add(new Limit(personKey, maxPerEmail));
    if (!client.exempt()) {
      limits.add(new Limit("sign-in:ip:" + client.value(), maxPerIp));
    }
    return limits;
  }

  private static String memberKey(UUID memberId) {
    return "password:member:" + memberId;
  }

  // The email is hashed: the counters need not hold who tried to sign in.
  private static String emailKey(String email, ClientAddress client) {
    String normalized = email == null ? "" : Emails.normalize(email);
    return "sign-in:email:" + Randoms.sha256(normalized).substring(0, 32) + ":" + client.value();
  }
}
