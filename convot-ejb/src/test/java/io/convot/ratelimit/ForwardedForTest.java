package io.convot.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ForwardedForTest {

  private static final ForwardedFor BEHIND_TWO_PROXIES = new ForwardedFor(AddressRanges.parse("10.0.0.0/8, 192.0.2.1"));

  @Test
  void thePeerIsTheClientWhenNoProxyIsTrusted() {
    ForwardedFor none = new ForwardedFor(AddressRanges.none());

    assertEquals("10.1.2.3", none.client("10.1.2.3", List.of("198.51.100.7")));
  }

  @Test
  void anUntrustedPeersForwardedForIsIgnored() {
    assertEquals("203.0.113.5", BEHIND_TWO_PROXIES.client("203.0.113.5", List.of("198.51.100.7")));
  }

  @Test
  void theFirstUntrustedAddressFromTheRightIsTheClient() {
    // The client wrote 6.6.6.6 itself; the load balancer (192.0.2.1) saw 198.51.100.7, the inner proxy saw the balancer.
    assertEquals("198.51.100.7", BEHIND_TWO_PROXIES.client("10.0.0.9", List.of("6.6.6.6, 198.51.100.7, 192.0.2.1")));
  }

  @Test
  void severalHeadersReadAsOneList() {
    assertEquals("198.51.100.7", BEHIND_TWO_PROXIES.client("10.0.0.9", List.of("6.6.6.6", "198.51.100.7")));
  }

  @Test
  void aTrustedPeerWithoutHeaderIsTheClient() {
    assertEquals("10.0.0.9", BEHIND_TWO_PROXIES.client("10.0.0.9", List.of()));
  }

  @Test
  void garbageStopsTheWalkAtTheLastTrustedHop() {
    assertEquals("192.0.2.1", BEHIND_TWO_PROXIES.client("10.0.0.9", List.of("198.51.100.7, evil.example, 192.0.2.1")));
  }

  @Test
  void addressesAreCanonicalWithPortsAndBracketsRemoved() {
    assertEquals("198.51.100.7", BEHIND_TWO_PROXIES.client("10.0.0.9", List.of("198.51.100.7:4711")));
    assertEquals("2001:db8:0:0:0:0:0:1", BEHIND_TWO_PROXIES.client("10.0.0.9", List.of("[2001:DB8::1]:443")));
    assertEquals("198.51.100.7", BEHIND_TWO_PROXIES.client("10.0.0.9", List.of("::ffff:198.51.100.7")));
  }

  @Test
  void rangesMatchByPrefix() {
    AddressRanges ranges = AddressRanges.parse("10.0.0.0/8,2001:db8::/32, 192.0.2.128/25");

    assertTrue(ranges.contains(AddressRanges.literal("10.255.0.1")));
    assertFalse(ranges.contains(AddressRanges.literal("11.0.0.1")));
    assertTrue(ranges.contains(AddressRanges.literal("2001:db8:ffff::1")));
    assertFalse(ranges.contains(AddressRanges.literal("2001:db9::1")));
    assertTrue(ranges.contains(AddressRanges.literal("192.0.2.200")));
    assertFalse(ranges.contains(AddressRanges.literal("192.0.2.100")));
  }

  @Test
  void hostNamesAreNeverResolved() {
    assertNull(AddressRanges.literal("localhost"));
    assertNull(AddressRanges.literal("256.1.1.1"));
    assertThrows(IllegalArgumentException.class, () -> AddressRanges.parse("proxy.internal"));
    assertThrows(IllegalArgumentException.class, () -> AddressRanges.parse("10.0.0.0/33"));
  }
}
