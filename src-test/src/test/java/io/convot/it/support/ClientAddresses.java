package io.convot.it.support;

import java.security.SecureRandom;

/**
 * Client addresses for tests of the limits kept per address. The test server trusts the tests'
 * own address as a proxy, so {@code X-Forwarded-For} sets the client address; each call gives one
 * from the documentation range 2001:db8::/32 that no other test (and no earlier run) uses.
 */
public final class ClientAddresses {

  public static final String FORWARDED_FOR = "X-Forwarded-For";
  private static final SecureRandom RANDOM = new SecureRandom();

  private ClientAddresses() {}

  /** A fresh address, in the canonical form the server keys its counters with. */
  public static String fresh() {
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    StringBuilder address = new StringBuilder("2001:db8");
    for (int i = 0; i < bytes.length; i += 2) {
      address.append(':').append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff)));
    }
    return address.toString();
  }

  /** {@code api} as seen from {@code address}. */
  public static Api from(Api api, String address) {
    return api.header(FORWARDED_FOR, address);
  }
}
