package io.convot.web.ratelimit;

import io.convot.ratelimit.AddressRanges;
import io.convot.ratelimit.ClientAddress;
import io.convot.ratelimit.ForwardedFor;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The client address of a request, the same for every limit: the peer, or what the proxies the
 * operator trusts ({@code convot.http.trusted-proxies}) say in {@code X-Forwarded-For}.
 */
@ApplicationScoped
public class ClientAddresses {

  private static final String FORWARDED_FOR = "X-Forwarded-For";

  @Inject
  @ConfigProperty(name = "convot.http.trusted-proxies")
  Optional<String> trustedProxies;

  @Inject
  @ConfigProperty(name = "convot.api.rate-limit.exempt")
  Optional<String> exempt;

  private ForwardedFor forwardedFor;
  private AddressRanges exemptRanges;

  @PostConstruct
  void read() {
    forwardedFor = new ForwardedFor(ranges("convot.http.trusted-proxies", trustedProxies));
    exemptRanges = ranges("convot.api.rate-limit.exempt", exempt);
  }

  /**
   * Observing the start creates this bean then: a mistake in either list stops the application
   * instead of failing every request.
   */
  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    // nothing more: @PostConstruct has read both lists
  }

  public ClientAddress of(HttpServletRequest request) {
    String address = forwardedFor.client(request.getRemoteAddr(), Collections.list(request.getHeaders(FORWARDED_FOR)));
    var literal = AddressRanges.literal(address);
    return new ClientAddress(address, literal != null && exemptRanges.contains(literal));
  }

  private static AddressRanges ranges(String key, Optional<String> value) {
    try {
      return AddressRanges.parse(value.orElse(""));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(key + ": " + e.getMessage(), e);
    }
  }
}
