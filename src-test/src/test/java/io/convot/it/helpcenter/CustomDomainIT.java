package io.convot.it.helpcenter;

import static io.convot.it.support.ProblemAssert.assertProblem;
import static io.convot.it.support.ProblemAssert.assertValidationError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Api;
import io.convot.it.support.DnsServer;
import io.convot.it.support.Eventually;
import io.convot.it.support.Organizations;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A help center on the app's own domain: the CNAME record to create, its verification against a
 * real DNS server (each way a record can be wrong, with its explanation), the help center answering
 * on its verified host only, and the daily check that notices a record that went away.
 */
class CustomDomainIT {

  private static final String HELP_HOST = "help.convot.test";

  private final DnsServer dns = DnsServer.shared();
  private final String zone = "acme-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
  private final String hostname = "help." + zone;
  private final Organizations.Owner owner = Organizations.signUp("Domain Co");
  private final String appId = Organizations.createApp(owner.api(), "Domains").getString("id");
  private final String path = "/api/v1/apps/" + appId + "/help-center/domain";

  CustomDomainIT() {
    dns.zone(zone);
  }

  private JsonObject set(String host) {
    Api.Reply reply = owner.api().send("PUT", path, "{\"hostname\": \"" + host + "\"}");
    assertEquals(200, reply.status(), reply::toString);
    return reply.json();
  }

  private JsonObject verify() {
    Api.Reply reply = owner.api().post(path + "/verify", null);
    assertEquals(200, reply.status(), reply::toString);
    return reply.json();
  }

  private static Api.Reply onHost(String host, String pathAndQuery) {
    return Api.anonymous().header("Host", host).get(pathAndQuery);
  }

  @Test
  void aNewDomainNamesTheRecordToCreateAndIsPending() {
    JsonObject domain = set("Help." + zone + ".");

    assertEquals(hostname, domain.getString("hostname"), "lowercase, without the final dot");
    assertEquals("pending", domain.getString("status"));
    assertTrue(domain.isNull("checked_at"));
    JsonObject record = domain.getJsonObject("record");
    assertEquals("CNAME", record.getString("type"));
    assertEquals(hostname, record.getString("name"));
    assertEquals(HELP_HOST, record.getString("value"));
    assertEquals(domain, owner.api().get(path).json());
  }

  @Test
  void noRecordIsMissing() {
    set(hostname);
    JsonObject domain = verify();
    assertEquals("missing", domain.getString("status"));
    assertTrue(domain.getString("explanation").startsWith("No CNAME record was found for " + hostname), domain::toString);
    assertFalse(domain.isNull("checked_at"));
  }

  @Test
  void aRecordPointingAtTheHelpCenterHostIsVerifiedAndServesTheHelpCenterThere() {
    Articles.published(owner.api(), appId, Articles.article("Custom domains", "Served on **your** domain.").add("slug", "domains"));
    dns.cname(hostname, HELP_HOST + ".");
    set(hostname);
    assertEquals(404, onHost(hostname, "/").status(), "a domain not yet verified serves nothing");

    JsonObject domain = verify();

    assertEquals("verified", domain.getString("status"), domain::toString);
    assertTrue(domain.getString("explanation").contains("the final dot"), "a trailing dot is the same name: " + domain);
    assertEquals("https://" + hostname + "/", domain.getString("url"));
    Api.Reply home = onHost(hostname, "/");
    assertEquals(200, home.status(), home::toString);
    assertTrue(home.body().contains("href=\"/en/domains\">Custom domains</a>"), home.body());
    assertTrue(home.body().contains("<link rel=\"canonical\" href=\"https://" + hostname + "/\">"), home.body());
    Api.Reply article = onHost(hostname, "/en/domains");
    assertEquals(200, article.status());
    assertTrue(article.body().contains("Served on <strong>your</strong> domain."));
    assertTrue(onHost(hostname, "/sitemap.xml").body().contains("<loc>https://" + hostname + "/en/domains</loc>"));
    assertTrue(onHost(hostname, "/robots.txt").body().contains("Sitemap: https://" + hostname + "/sitemap.xml"));
    assertEquals(404, onHost(hostname, "/api/v1/me").status(), "the custom domain serves the help center only");
    assertEquals(404, onHost(hostname, "/en/nothing-here").status());

    assertEquals(404, onHost("other." + zone, "/en/domains").status(), "another host has no such page");
    assertFalse(onHost("other." + zone, "/").body().contains("Custom domains"), "another host does not serve it");
    assertTrue(Api.anonymous().get("/help/" + owner.api().get("/api/v1/apps/" + appId).json().getString("app_key") + "/en/domains")
        .body().contains("<link rel=\"canonical\" href=\"https://" + hostname + "/en/domains\">"),
        "under Convot's address, the canonical link names the custom domain");
  }

  @Test
  void aRecordFoundUnderTheZoneAppendedTwiceIsExplained() {
    dns.cname(hostname + "." + zone, HELP_HOST);
    set(hostname);
    JsonObject domain = verify();
    assertEquals("error", domain.getString("status"));
    assertTrue(domain.getString("explanation").contains("A CNAME record was found at " + hostname + "." + zone), domain::toString);
    assertTrue(domain.getString("explanation").contains("your provider appended the zone name"), domain::toString);
    assertTrue(domain.getString("explanation").contains("enter only help as its name"), domain::toString);
  }

  @Test
  void aValueWithTheZoneAppendedIsExplained() {
    dns.cname(hostname, HELP_HOST + "." + zone);
    set(hostname);
    JsonObject domain = verify();
    assertEquals("error", domain.getString("status"));
    assertTrue(domain.getString("explanation").contains("your provider appended the zone name to the value"), domain::toString);
    assertTrue(domain.getString("explanation").contains(HELP_HOST + "."), domain::toString);
  }

  @Test
  void aRecordWithAnotherValueIsAnError() {
    dns.cname(hostname, "shops.myshopify.test");
    set(hostname);
    JsonObject domain = verify();
    assertEquals("error", domain.getString("status"));
    assertEquals(hostname + " is a CNAME to shops.myshopify.test, but it must point at " + HELP_HOST + ". Change the record's value to "
        + HELP_HOST + ".", domain.getString("explanation"));
    assertEquals(404, onHost(hostname, "/").status());
  }

  @Test
  void anARecordInsteadOfACnameIsExplained() {
    dns.a(hostname, "203.0.113.7");
    set(hostname);
    JsonObject domain = verify();
    assertEquals("error", domain.getString("status"));
    assertTrue(domain.getString("explanation").startsWith(hostname + " has an A record (203.0.113.7) instead of a CNAME."), domain::toString);
  }

  @Test
  void theZoneApexCannotHoldACname() {
    dns.a(zone, "203.0.113.8");
    set(zone);
    JsonObject domain = verify();
    assertEquals("error", domain.getString("status"));
    assertTrue(domain.getString("explanation").startsWith(zone + " is the zone apex"), domain::toString);
    assertTrue(domain.getString("explanation").contains("no CNAME"), domain::toString);
  }

  @Test
  void aFixedRecordVerifiesOnTheNextCheck() {
    dns.a(hostname, "203.0.113.9");
    set(hostname);
    assertEquals("error", verify().getString("status"));
    dns.remove(hostname).cname(hostname, HELP_HOST);
    assertEquals("verified", verify().getString("status"));
  }

  @Test
  void theDailyCheckMarksAVerifiedDomainWhoseRecordWentAwayAsAnError() {
    dns.cname(hostname, HELP_HOST);
    set(hostname);
    assertEquals("verified", verify().getString("status"));
    assertEquals(200, onHost(hostname, "/").status());

    dns.remove(hostname);

    JsonObject domain = Eventually.await(() -> owner.api().get(path).json(), d -> d.getString("status").equals("error"),
        Duration.ofSeconds(30), "the recheck to notice the record is gone");
    assertTrue(domain.getString("explanation").startsWith("The daily check no longer finds the record"), domain::toString);
    assertTrue(domain.getString("explanation").contains("No CNAME record was found for " + hostname), domain::toString);
    Eventually.await(() -> onHost(hostname, "/").status(), status -> status == 404, Duration.ofSeconds(40),
        "the help center to stop answering on the domain");
  }

  @Test
  void aHostnameVerifiedByAnotherOrganizationIsAConflict() {
    dns.cname(hostname, HELP_HOST);
    set(hostname);
    assertEquals("verified", verify().getString("status"));

    Organizations.Owner other = Organizations.signUp("Squatter Co");
    String otherApp = Organizations.createApp(other.api(), "Squat").getString("id");
    Api.Reply taken = other.api().send("PUT", "/api/v1/apps/" + otherApp + "/help-center/domain", "{\"hostname\": \"" + hostname + "\"}");
    assertProblem(taken, 409, "hostname_taken");
    String sameOrgApp = Organizations.createApp(owner.api(), "Second").getString("id");
    assertProblem(owner.api().send("PUT", "/api/v1/apps/" + sameOrgApp + "/help-center/domain", "{\"hostname\": \"" + hostname + "\"}"),
        409, "hostname_taken");
  }

  @Test
  void badHostnamesAreRefused() {
    for (String bad : new String[] {"", "localhost", "203.0.113.1", "exa mple.com", "-bad.example.com", "a..b.com", HELP_HOST,
        "x".repeat(64) + ".com"}) {
      assertValidationError(owner.api().send("PUT", path, "{\"hostname\": \"" + bad + "\"}"), "hostname");
    }
    assertValidationError(owner.api().send("PUT", path, "{}"), "hostname");
    assertProblem(owner.api().get(path), 404, "not_found");
    assertProblem(owner.api().post(path + "/verify", null), 404, "not_found");
  }

  @Test
  void onlyOwnersAndAdminsChangeTheDomainAndAnotherOrganizationsIsNotFound() {
    set(hostname);
    io.convot.it.support.Team.Joined agent = io.convot.it.support.Team.join(owner, "agent");
    assertEquals(200, agent.api().get(path).status());
    assertProblem(agent.api().send("PUT", path, "{\"hostname\": \"docs." + zone + "\"}"), 403, "insufficient_role");
    assertProblem(agent.api().post(path + "/verify", null), 403, "insufficient_role");

    Organizations.Owner other = Organizations.signUp("Prying Co");
    assertProblem(other.api().get(path), 404, "not_found");
    assertProblem(other.api().send("PUT", path, "{\"hostname\": \"docs." + zone + "\"}"), 404, "not_found");
    assertProblem(other.api().post(path + "/verify", null), 404, "not_found");
    assertProblem(other.api().delete(path), 404, "not_found");
    assertEquals(hostname, owner.api().get(path).json().getString("hostname"), "nothing changed");

    assertEquals(204, owner.api().delete(path).status());
    assertProblem(owner.api().get(path), 404, "not_found");
  }
}
