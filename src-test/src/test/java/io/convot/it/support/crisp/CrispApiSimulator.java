package io.convot.it.support.crisp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A simulated Crisp REST API v1: a WireMock server on {@code convot.test.crisp-port} whose
 * transformer ({@link CrispRest}) answers from the fixtures of each {@link CrispWebsite}, as
 * Crisp's reference documents it (Basic auth with a plugin token pair and {@code X-Crisp-Tier: plugin},
 * every answer {@code {error, reason, data}}, pages from 1, messages going back with
 * {@code timestamp_before}). One server per test JVM; each test makes its own website.
 */
public final class CrispApiSimulator {

  private static final int PORT = Integer.getInteger("convot.test.crisp-port", 9189);
  private static CrispApiSimulator running;

  private final Map<String, CrispWebsite> websites = new ConcurrentHashMap<>();

  private CrispApiSimulator() {
    WireMockServer server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").port(PORT)
        .containerThreads(64).disableRequestJournal().extensions(new CrispRest(websites)));
    server.start();
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404).withTransformers("crisp-rest")));
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
  }

  public static synchronized CrispApiSimulator get() {
    if (running == null) {
      running = new CrispApiSimulator();
    }
    return running;
  }

  /** Where the simulated API answers: the {@code convot.crisp.api-url} of the test servers. */
  public String baseUrl() {
    return "http://127.0.0.1:" + PORT + "/v1";
  }

  /** A new website with its own id, token pair, fixtures and faults. */
  public CrispWebsite website(String name) {
    CrispWebsite website = new CrispWebsite(UUID.randomUUID().toString(), name);
    websites.put(website.id(), website);
    return website;
  }
}
