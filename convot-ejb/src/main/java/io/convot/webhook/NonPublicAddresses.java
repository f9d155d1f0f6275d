package io.convot.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * The address blocks a webhook must never reach: anything that is not a public unicast address on
 * the internet (IANA special-purpose registries), because from inside our network those lead to
 * our own services, the cloud metadata endpoint or the operator's LAN.
 */
final class NonPublicAddresses {

  private static final List<Block> BLOCKS = List.of(
      // IPv4
      Block.of("0.0.0.0/8"),          // "this network", including the unspecified 0.0.0.0
      Block.of("10.0.0.0/8"),         // private
      Block.of("100.64.0.0/10"),      // carrier-grade NAT
      Block.of("127.0.0.0/8"),        // loopback
      Block.of("169.254.0.0/16"),     // link-local, where cloud metadata lives
      Block.of("172.16.0.0/12"),      // private
      Block.of("192.0.0.0/24"),       // IETF protocol assignments
      Block.of("192.0.2.0/24"),       // documentation
      Block.of("192.88.99.0/24"),     // 6to4 relay anycast, deprecated
      Block.of("192.168.0.0/16"),     // private
      Block.of("198.18.0.0/15"),      // benchmarking
      Block.of("198.51.100.0/24"),    // documentation
      Block.of("203.0.113.0/24"),     // documentation
      Block.of("224.0.0.0/4"),        // multicast
      Block.of("240.0.0.0/4"),        // reserved, including broadcast 255.255.255.255
      // IPv6 (IPv4-mapped ::ffff:0:0/96 is judged by its IPv4 address, see below)
      Block.of("::/96"),              // unspecified ::, loopback ::1, deprecated IPv4-compatible
      Block.of("64:ff9b:1::/48"),     // local-use NAT64
      Block.of("100::/64"),           // discard-only
      Block.of("2001::/23"),          // IETF protocol assignments, including Teredo
      Block.of("2001:db8::/32"),      // documentation
      Block.of("2002::/16"),          // 6to4: tunnels to an embedded IPv4 address
      Block.of("3fff::/20"),          // documentation
      Block.of("fc00::/7"),           // unique-local
      Block.of("fe80::/10"),          // link-local
      Block.of("fec0::/10"),          // site-local, deprecated
      Block.of("ff00::/8"));          // multicast

  /** NAT64 translates 64:ff9b::a.b.c.d to a.b.c.d, so such an address is as good as its last 32 bits. */
  private static final Block NAT64 = Block.of("64:ff9b::/96");

  private NonPublicAddresses() {}

  static boolean contains(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (isIpv4Mapped(bytes) || NAT64.contains(bytes)) {
      return contains(Arrays.copyOfRange(bytes, 12, 16));
    }
    return contains(bytes);
  }

  private static boolean contains(byte[] bytes) {
    return BLOCKS.stream().anyMatch(block -> block.contains(bytes));
  }

  /** The JDK turns ::ffff:a.b.c.d into an IPv4 address itself; this covers anything that does not. */
  private static boolean isIpv4Mapped(byte[] bytes) {
    if (bytes.length != 16 || bytes[10] != (byte) 0xff || bytes[11] != (byte) 0xff) {
      return false;
    }
    for (int i = 0; i < 10; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private record Block(byte[] network, int prefixLength) {

    static Block of(String cidr) {
      int slash = cidr.indexOf('/');
      try {
        // Literals only: getByName parses them without any lookup.
        byte[] network = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
        return new Block(network, Integer.parseInt(cidr.substring(slash + 1)));
      } catch (UnknownHostException e) {
        throw new IllegalStateException("Not an address block: " + cidr, e);
      }
    }

    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int fullBytes = prefixLength / 8;
      for (int i = 0; i < fullBytes; i++) {
        if (address[i] != network[i]) {
          return false;
        }
      }
      int remainingBits = prefixLength % 8;
      if (remainingBits == 0) {
        return true;
      }
      int mask = (0xff << (8 - remainingBits)) & 0xff;
      return (address[fullBytes] & mask) == (network[fullBytes] & mask);
    }
  }
}
