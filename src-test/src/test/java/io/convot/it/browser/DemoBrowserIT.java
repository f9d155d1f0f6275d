package io.convot.it.browser;

import io.convot.it.support.Api;
import io.convot.it.support.Dashboard;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The demo page makes its sample and opens the dashboard in a new tab, signed in as the sample's owner. */
class DemoBrowserIT {

  @Test
  void demoOpensTheDashboardSignedInAsTheSamplesOwner() {
    try (Dashboard dashboard = new Dashboard()) {
      dashboard.browser.get(Api.BASE_URL + "/demo/");
      dashboard.click("button", "Create a sample organization and app");
      dashboard.find("link", "Open the dashboard");
      dashboard.screenshot("demo-page");
      dashboard.click("link", "Open the dashboard");

      dashboard.waitFor().until(d -> d.getWindowHandles().size() == 2);
      List<String> tabs = new ArrayList<>(dashboard.browser.getWindowHandles());
      tabs.remove(dashboard.browser.getWindowHandle());
      dashboard.browser.switchTo().window(tabs.get(0));
      dashboard.waitFor().until(d -> d.getCurrentUrl().startsWith(Dashboard.URL));
      dashboard.find("link", "Inbox"); // shown only when signed in
      dashboard.waitFor().until(d -> d.findElement(By.tagName("body")).getText().contains("Demo agent"));
      dashboard.screenshot("demo-opens-dashboard");
    }
  }
}
