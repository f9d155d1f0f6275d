package io.convot.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Dashboard;
import io.convot.it.support.Organizations;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The dashboard in Chromium under its content security policy: everything the browser fetched until
 * the inbox first showed is at most 150 KB as transferred (gzipped); signing in and loading break
 * nothing of the policy and write no error to the console.
 */
class DashboardLoadBrowserIT {

  private static final long BUDGET = 150 * 1024;
  /** Bytes of every response body as they came over the wire (before decoding), the page's included. */
  private static final String TRANSFERRED = """
      const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
      return [entries.reduce((sum, e) => sum + e.encodedBodySize, 0), entries.length,
          entries.map((e) => e.name + ' ' + e.encodedBodySize).join('\\n')];
      """;

  @Test
  void firstLoadFitsTheBudgetWithoutBreakingThePolicy() {
    Organizations.Owner owner = Organizations.signUp("First load");
    try (Dashboard dashboard = new Dashboard()) {
      dashboard.recordingPolicyViolations();
      // Every load as the first: nothing from the cache, whatever signing in loaded before.
      dashboard.browser.executeCdpCommand("Network.enable", Map.of());
      dashboard.browser.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
      dashboard.signedIn(owner.token());
      dashboard.find("list", "Conversations");
      dashboard.screenshot("dashboard-first-load");

      List<?> transferred = (List<?>) dashboard.browser.executeScript(TRANSFERRED);
      long bytes = ((Number) transferred.get(0)).longValue();
      System.out.printf("dashboard first load: %d bytes gzipped over %d requests%n", bytes, transferred.get(1));
      assertTrue(bytes <= BUDGET, () -> "the first load is " + bytes + " bytes, over " + BUDGET + ":\n" + transferred.get(2));
      assertEquals(List.of(), dashboard.policyViolations(), "policy violations");
      assertEquals(List.of(), dashboard.consoleErrors(), "console errors");
    }
  }

  @Test
  void signingInThroughTheFormWorksUnderThePolicy() {
    Organizations.Owner owner = Organizations.signUp("Sign in under the policy");
    try (Dashboard dashboard = new Dashboard()) {
      dashboard.recordingPolicyViolations();
      dashboard.open("/inbox");
      dashboard.textbox("Email").sendKeys(owner.email());
      dashboard.textbox("Password").sendKeys(Organizations.PASSWORD);
      dashboard.click("button", "Sign in");
      dashboard.find("list", "Conversations");

      assertEquals(List.of(), dashboard.policyViolations(), "policy violations");
      assertEquals(List.of(), dashboard.consoleErrors(), "console errors");
    }
  }
}
