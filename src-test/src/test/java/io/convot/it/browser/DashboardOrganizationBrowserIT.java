package io.convot.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Dashboard;
import io.convot.it.support.Organizations;
import io.convot.it.support.Organizations.Owner;
import io.convot.it.support.Team;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Settings → Organization in a real browser: an owner exports the data and downloads it, cancels
 * the organization with their password (a wrong one shown at the field), sees when the data goes,
 * and reactivates it; a member who is not an owner only reads. Checked against the REST API and by
 * axe-core.
 */
class DashboardOrganizationBrowserIT {

  private final Owner owner = Organizations.signUp("Org <i>Settings</i> Co");
  private final List<Dashboard> dashboards = new ArrayList<>();

  @AfterEach
  void close() {
    try {
      for (Dashboard dashboard : dashboards) {
        assertEquals(List.of(), dashboard.policyViolations(), "policy violations");
      }
    } finally {
      dashboards.forEach(Dashboard::close);
    }
  }

  private Dashboard dashboard(String token) {
    Dashboard dashboard = new Dashboard().recordingPolicyViolations();
    dashboards.add(dashboard);
    return dashboard.signedIn(token);
  }

  private static String mainText(Dashboard dashboard) {
    return dashboard.browser.findElement(By.tagName("main")).getText();
  }

  @Test
  void anOwnerExportsCancelsAndReactivates() {
    Organizations.createApp(owner.api(), "Shop");
    Dashboard dashboard = dashboard(owner.token());
    dashboard.open("/settings/organization");
    dashboard.find("heading", "Organization");

    dashboard.click("button", "Export data");
    dashboard.waitFor(30).until(d -> !dashboard.byRole("button", "Download export").isEmpty());
    dashboard.click("button", "Download export");
    String downloaded = dashboard.awaitStatus("Downloaded convot-export-");
    assertEquals("active", owner.api().get("/api/v1/organization").string("status"));
    assertTrue(downloaded.matches("(?s).*\\(\\d+ bytes\\).*"), downloaded);
    dashboard.assertAccessible("Settings → Organization");
    dashboard.screenshot("settings-organization");

    dashboard.textbox("Your password").sendKeys("not the password");
    dashboard.click("button", "Cancel organization");
    dashboard.waitFor().until(d -> "true".equals(dashboard.textbox("Your password").getDomAttribute("aria-invalid")));
    assertTrue(dashboard.description(dashboard.textbox("Your password")).contains("password"), "the field's error");
    assertEquals("active", owner.api().get("/api/v1/organization").string("status"));

    dashboard.textbox("Your password").clear();
    dashboard.textbox("Your password").sendKeys(Organizations.PASSWORD);
    dashboard.click("button", "Cancel organization");
    dashboard.awaitStatus("The organization is cancelled");
    dashboard.find("heading", "This organization is cancelled");
    assertTrue(mainText(dashboard).contains("Its data will be deleted on"), mainText(dashboard));
    assertEquals("cancelled", owner.api().get("/api/v1/organization").string("status"));
    assertTrue(dashboard.byRole("button", "Cancel organization").isEmpty());
    dashboard.assertAccessible("Settings → Organization, cancelled");
    dashboard.screenshot("settings-organization-cancelled");

    dashboard.click("button", "Reactivate organization");
    dashboard.awaitStatus("active again");
    assertEquals("active", owner.api().get("/api/v1/organization").string("status"));
    assertFalse(mainText(dashboard).contains("This organization is cancelled"));
    assertEquals(201, owner.api().post("/api/v1/apps", "{\"name\": \"Writable again\"}").status());
  }

  @Test
  void aMemberWhoIsNotAnOwnerOnlyReads() {
    Team.Joined admin = Team.join(owner, "admin");
    assertEquals(200, owner.api().post("/api/v1/organization/cancel", "{\"password\": \"" + Organizations.PASSWORD + "\"}").status());
    Dashboard dashboard = dashboard(admin.token());
    dashboard.open("/settings/organization");

    dashboard.find("heading", "This organization is cancelled");
    assertTrue(mainText(dashboard).contains("Only owners can export, cancel or reactivate the organization."), mainText(dashboard));
    for (String button : List.of("Reactivate organization", "Export data", "Cancel organization")) {
      assertTrue(dashboard.byRole("button", button).isEmpty(), button);
    }
    dashboard.assertAccessible("Settings → Organization for an admin");
  }
}
