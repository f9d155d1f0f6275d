package io.convot.webhook;

import io.convot.common.ConvotException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * Resolves a host at the moment a connection is opened and lets the client connect only to
 * addresses the {@link TargetGuard} accepts: the check that DNS rebinding cannot slip past, since
 * the addresses checked are the very ones connected to.
 */
final class GuardedDnsResolver implements DnsResolver {

  private final TargetGuard guard;

  GuardedDnsResolver(TargetGuard guard) {
    this.guard = guard;
  }

  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    InetAddress[] addresses = SystemDefaultDnsResolver.INSTANCE.resolve(host);
    try {
      guard.checkAddresses(host, addresses);
    } catch (ConvotException refused) {
      throw new ForbiddenTargetException(refused.fieldErrors().get(0).message());
    }
    return addresses;
  }

  @Override
  public String resolveCanonicalHostname(String host) throws UnknownHostException {
    return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
  }

  /** An {@link UnknownHostException}, as the resolver contract requires: no address we may use. */
  static final class ForbiddenTargetException extends UnknownHostException {
    ForbiddenTargetException(String message) {
      super(message);
    }
  }
}
