package io.convot.ratelimit;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Who the client is. The TCP peer is, unless the peer is a proxy the operator trusts: then its
 * {@code X-Forwarded-For} is read from the right (each trusted proxy appends the address it got the
 * request from), and the first address not itself a trusted proxy is the client. What lies further
 * left was written by the client and is never believed.
 */
public final class ForwardedFor {

  private final AddressRanges trustedProxies;

  public ForwardedFor(AddressRanges trustedProxies) {
    this.trustedProxies = trustedProxies;
  }

  /**
   * @param peer the TCP peer's address
   * @param headers every {@code X-Forwarded-For} header of the request, in order (may be empty)
   */
  public String client(String peer, List<String> headers) {
    InetAddress current = AddressRanges.literal(peer);
    if (current == null) {
      return peer;
    }
    List<String> hops = new ArrayList<>();
    if (!trustedProxies.isEmpty() && headers != null) {
      for (String header : headers) {
        for (String hop : header.split(",")) {
          hops.add(hop);
        }
      }
    }
    for (int i = hops.size() - 1; i >= 0 && trustedProxies.contains(current); i--) {
      InetAddress next = AddressRanges.literal(hops.get(i));
      if (next == null) {
        break; // a proxy we trust would not have written this: the last trusted hop is all we know
      }
      current = next;
    }
    return current.getHostAddress();
  }
}
