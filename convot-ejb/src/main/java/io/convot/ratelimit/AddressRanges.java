package io.convot.ratelimit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A set of IP addresses and CIDR ranges from configuration ({@code 10.0.0.0/8, 192.0.2.7, fd00::/8}).
 * Only literals are read: nothing here ever asks DNS.
 */
public final class AddressRanges {

  private static final Pattern IPV4 = Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})$");

  private record Range(byte[] network, int prefix) {
    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int whole = prefix / 8;
      for (int i = 0; i < whole; i++) {
        if (address[i] != network[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      int mask = (0xff << (8 - rest)) & 0xff;
      return rest == 0 || (address[whole] & mask) == (network[whole] & mask);
    }
  }

  private static final AddressRanges NONE = new AddressRanges(List.of());

  private final List<Range> ranges;

  private AddressRanges(List<Range> ranges) {
    this.ranges = ranges;
  }

  public static AddressRanges none() {
    return NONE;
  }

  /**
   * Comma-separated addresses and ranges; blank is none.
   *
   * @throws IllegalArgumentException naming the entry that is neither
   */
  public static AddressRanges parse(String list) {
    if (list == null || list.isBlank()) {
      return NONE;
    }
    List<Range> ranges = new ArrayList<>();
    for (String entry : list.split(",")) {
      String text = entry.trim();
      if (text.isEmpty()) {
        continue;
      }
      int slash = text.indexOf('/');
      InetAddress address = literal(slash < 0 ? text : text.substring(0, slash));
      if (address == null) {
        throw new IllegalArgumentException("not an IP address or CIDR range: " + text);
      }
      int bits = address.getAddress().length * 8;
      int prefix = bits;
      if (slash >= 0) {
        try {
          prefix = Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
          prefix = -1;
        }
        if (prefix < 0 || prefix > bits) {
          throw new IllegalArgumentException("not an IP address or CIDR range: " + text);
        }
      }
      ranges.add(new Range(address.getAddress(), prefix));
    }
    return new AddressRanges(List.copyOf(ranges));
  }

  public boolean isEmpty() {
    return ranges.isEmpty();
  }

  public boolean contains(InetAddress address) {
    byte[] bytes = address.getAddress();
    return ranges.stream().anyMatch(range -> range.contains(bytes));
  }

  /**
   * An IP literal as found in a header or configuration ({@code 192.0.2.7}, {@code 2001:db8::1},
   * {@code [2001:db8::1]}, {@code 192.0.2.7:4711}), or {@code null} when it is not one.
   * IPv4-mapped IPv6 addresses come back as IPv4.
   */
  public static InetAddress literal(String text) {
    if (text == null) {
      return null;
    }
    String value = text.trim();
    if (value.startsWith("[")) {
      int end = value.indexOf(']');
      value = end < 0 ? "" : value.substring(1, end);
    } else if (value.indexOf(':') > 0 && value.indexOf(':') == value.lastIndexOf(':')) {
      value = value.substring(0, value.indexOf(':')); // IPv4 with a port
    }
    var v4 = IPV4.matcher(value);
    try {
      if (v4.matches()) {
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
          int octet = Integer.parseInt(v4.group(i + 1));
          if (octet > 255) {
            return null;
          }
          bytes[i] = (byte) octet;
        }
        return InetAddress.getByAddress(bytes);
      }
      // With a colon and only hexadecimal digits, colons and dots, the JDK parses a literal and never asks DNS.
      if (value.contains(":") && value.matches("^[0-9A-Fa-f:.]+$")) {
        return InetAddress.getByName(value);
      }
    } catch (UnknownHostException e) {
      return null;
    }
    return null;
  }
}
