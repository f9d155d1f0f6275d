package io.convot.it.support.partner;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A simulated Shopify Partner API: a WireMock server on {@code convot.test.partner-port} whose
 * transformer ({@link PartnerGraphql}) answers the GraphQL Convot sends from the fixtures of each
 * {@link PartnerOrganization}. One server per test JVM; each test makes its own Partner
 * organization, so tests never share fixtures or faults.
 */
public final class PartnerApiSimulator {

  private static final int PORT = Integer.getInteger("convot.test.partner-port", 9188);
  private static PartnerApiSimulator running;

  private final Map<String, PartnerOrganization> organizations = new ConcurrentHashMap<>();
  private final WireMockServer server;

  private PartnerApiSimulator() {
    server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").port(PORT)
        .containerThreads(64).extensions(new PartnerGraphql(organizations)));
    server.start();
    server.stubFor(post(urlPathMatching("/[0-9]+/api/[^/]+/graphql\\.json")).willReturn(aResponse().withStatus(404)));
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
  }

  public static synchronized PartnerApiSimulator get() {
    if (running == null) {
      running = new PartnerApiSimulator();
    }
    return running;
  }

  /** A new Partner organization with its own id, tokens, apps and faults. */
  public PartnerOrganization organization() {
    String id = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000L, 9_000_000_000L));
    PartnerOrganization organization = new PartnerOrganization(id);
    organizations.put(id, organization);
    return organization;
  }
}
