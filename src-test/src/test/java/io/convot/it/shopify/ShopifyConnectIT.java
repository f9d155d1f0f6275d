package io.convot.it.shopify;

import static io.convot.it.support.ProblemAssert.assertProblem;
import static io.convot.it.support.ProblemAssert.assertValidationError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Api;
import io.convot.it.support.Database;
import io.convot.it.support.Team;
import io.convot.it.support.TestServer;
import io.convot.it.support.partner.Failure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Connecting checks the token with the Partner API first: a rejected token or one without
 * financial access is refused with the exact message and stores nothing; an accepted one is
 * stored sealed, never shown, and absent from a database dump.
 */
class ShopifyConnectIT {

  @Test
  void aRejectedTokenIsRefusedAndNothingIsStored() {
    Shopify shopify = Shopify.setUp("Rejected token");

    Api.Reply reply = shopify.connect("prtapi_not_a_token_shopify_knows");

    var problem = assertProblem(reply, 422, "token_invalid");
    assertEquals("Token is invalid or expired", problem.getString("detail"));
    assertEquals(404, shopify.api().get("/api/v1/integrations/shopify").status());
    assertEquals(0, Database.count("SELECT count(*) FROM shopify_integrations WHERE organization_id = ?::uuid",
        shopify.owner.organizationId()));
  }

  @Test
  void aTokenWithoutViewFinancialsIsRefusedAndNothingIsStored() {
    Shopify shopify = Shopify.setUp("No financials");
    shopify.partner.token("prtapi_apps_only", false);

    Api.Reply reply = shopify.connect("prtapi_apps_only");

    var problem = assertProblem(reply, 422, "missing_scope");
    assertEquals("Missing scope - View financials", problem.getString("detail"));
    assertEquals(404, shopify.api().get("/api/v1/integrations/shopify").status());
    assertEquals(0, Database.count("SELECT count(*) FROM shopify_integrations WHERE organization_id = ?::uuid",
        shopify.owner.organizationId()));
  }

  @Test
  void whenThePartnerApiIsDownConnectingSaysSoAndStoresNothing() {
    Shopify shopify = Shopify.setUp("Partner API down");
    shopify.partner.failAlways(Failure.SERVER_ERROR);

    Api.Reply reply = shopify.connect(shopify.token);

    assertProblem(reply, 502, "partner_api_unavailable");
    assertEquals(0, Database.count("SELECT count(*) FROM shopify_integrations WHERE organization_id = ?::uuid",
        shopify.owner.organizationId()));
    assertTrue(shopify.partner.requests().size() >= 2, "transient failures are retried: " + shopify.partner.requests());
  }

  @Test
  void badBodiesAreValidationErrors() {
    Shopify shopify = Shopify.setUp("Bad bodies");

    assertValidationError(shopify.api().send("PUT", "/api/v1/integrations/shopify", "{\"access_token\": \"x\"}"),
        "partner_organization_id");
    assertValidationError(shopify.api().send("PUT", "/api/v1/integrations/shopify",
        "{\"partner_organization_id\": \"acme\", \"access_token\": \"x\"}"), "partner_organization_id");
    assertValidationError(shopify.api().send("PUT", "/api/v1/integrations/shopify",
        "{\"partner_organization_id\": \"" + shopify.partner.id() + "\"}"), "access_token");
    assertValidationError(shopify.api().send("PUT", "/api/v1/integrations/shopify",
        "{\"partner_organization_id\": \"" + shopify.partner.id() + "\", \"access_token\": \"x\", \"scope\": 1}"), "scope");
    assertEquals(0, shopify.partner.requests().size(), "nothing invalid reaches Shopify");
  }

  @Test
  void agentsAndAdminsWithoutRevenueAccessCannotConnect() {
    Shopify shopify = Shopify.setUp("Who connects");
    Team.Joined agent = Team.join(shopify.owner, "agent");
    Team.Joined admin = Team.join(shopify.owner, "admin");

    assertProblem(agent.api().send("PUT", "/api/v1/integrations/shopify", "{}"), 403, "insufficient_role");
    assertProblem(admin.api().send("PUT", "/api/v1/integrations/shopify", """
        {"partner_organization_id": "%s", "access_token": "%s"}""".formatted(shopify.partner.id(), shopify.token)),
        403, "missing_permission");
    assertEquals(0, shopify.partner.requests().size());
  }

  @Test
  void anAcceptedTokenIsStoredSealedAndNeverShown() throws Exception {
    Shopify shopify = Shopify.setUp("Sealed token");

    Api.Reply reply = shopify.connect();

    assertEquals("active", reply.string("status"));
    assertEquals(shopify.partner.id(), reply.string("partner_organization_id"));
    assertEquals(0, reply.json().getInt("consecutive_failures"));
    assertEquals("gid://partners/App/" + shopify.shopifyApp,
        reply.json().getJsonArray("apps").getJsonObject(0).getString("shopify_app_id"));
    assertFalse(reply.body().contains(shopify.token), "the token is not in the answer");
    assertFalse(shopify.status().toString().contains(shopify.token), "nor in the status");
    String sealed = (String) Database.single("SELECT access_token_sealed FROM shopify_integrations WHERE organization_id = ?::uuid",
        shopify.owner.organizationId());
    assertTrue(sealed.startsWith("v1:"), sealed);
    assertFalse(sealed.contains(shopify.token));
    assertFalse(databaseDump().contains(shopify.token), "the token is not in a pg_dump of the database");
    assertFalse(TestServer.log().contains(shopify.token), "nor in the server's log");
    shopify.api().delete("/api/v1/integrations/shopify");
  }

  @Test
  void disconnectingRemovesTheTokenAndSyncNowThenConflicts() {
    Shopify shopify = Shopify.setUp("Disconnect");
    shopify.connect();

    assertEquals(204, shopify.api().delete("/api/v1/integrations/shopify").status());

    assertEquals("disconnected", shopify.status().getString("status"));
    assertNull(Database.single("SELECT access_token_sealed FROM shopify_integrations WHERE organization_id = ?::uuid",
        shopify.owner.organizationId()));
    assertProblem(shopify.api().post("/api/v1/integrations/shopify/sync", ""), 409, "conflict");
  }

  @Test
  void anotherOrganizationSeesNoneOfIt() {
    Shopify shopify = Shopify.setUp("Mine");
    shopify.connect();
    Shopify other = Shopify.setUp("Theirs");

    assertEquals(404, other.api().get("/api/v1/integrations/shopify").status());
    assertEquals(404, other.api().post("/api/v1/integrations/shopify/sync", "").status());
    assertEquals(404, other.api().delete("/api/v1/integrations/shopify").status());
    assertEquals("active", shopify.status().getString("status"));
    shopify.api().delete("/api/v1/integrations/shopify");
  }

  /** The whole test database, as {@code pg_dump} writes it (data included). */
  private static String databaseDump() throws IOException, InterruptedException {
    Path dump = Files.createTempFile("convot-dump", ".sql");
    ProcessBuilder command = new ProcessBuilder(pgDump(), "-f", dump.toString()).redirectErrorStream(true);
    command.environment().putAll(Database.commandLineEnvironment(Database.URL));
    Process process = command.start();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "pg_dump finished");
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), output);
    String text = Files.readString(dump);
    Files.delete(dump);
    assertTrue(text.contains("shopify_integrations"), "the dump has the integrations table");
    return text;
  }

  private static String pgDump() {
    for (String candidate : new String[] {"/usr/bin/pg_dump", "/usr/lib/postgresql/15/bin/pg_dump"}) {
      if (Files.isExecutable(Path.of(candidate))) {
        return candidate;
      }
    }
    return "pg_dump";
  }
}
