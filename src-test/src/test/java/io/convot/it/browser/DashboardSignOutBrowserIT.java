package io.convot.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.convot.it.support.Api;
import io.convot.it.support.Dashboard;
import io.convot.it.support.Organizations;
import org.junit.jupiter.api.Test;

/**
 * Signing out from the account menu: the dashboard forgets its token, shows the sign-in page, and the
 * token it held is refused by the API from then on (the server signed it out, not only the page).
 */
class DashboardSignOutBrowserIT {

  @Test
  void signingOutFromTheAccountMenuEndsTheTokenEverywhere() {
    Organizations.Owner owner = Organizations.signUp("Sign out Co");
    Api.Reply login = Api.anonymous().post("/api/v1/auth/login",
        "{\"email\": \"%s\", \"password\": \"%s\"}".formatted(owner.email(), Organizations.PASSWORD));
    assertEquals(200, login.status(), () -> "sign-in failed: " + login);
    String token = login.json().getString("token");
    try (Dashboard dashboard = new Dashboard().signedIn(token)) {
      dashboard.click("button", "Account: Owner of Sign out Co");
      dashboard.click("button", "Sign out");

      dashboard.button("Sign in");
      dashboard.textbox("Email");
      assertNull(dashboard.browser.executeScript("return localStorage.getItem('convot.token')"), "the token is forgotten");
      dashboard.waitFor().withMessage("the token is refused once signed out")
          .until(d -> Api.withToken(token).get("/api/v1/me").status() == 401);
      assertEquals(200, owner.api().get("/api/v1/me").status(), "the member's other tokens keep working");
    }
  }
}
