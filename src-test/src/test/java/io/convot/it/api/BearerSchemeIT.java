package io.convot.it.api;

import static io.convot.it.support.ProblemAssert.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.convot.it.support.Api;
import io.convot.it.support.Organizations;
import io.convot.it.support.Organizations.Owner;
import io.convot.it.support.Widget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code Bearer} authentication scheme is case-insensitive (RFC 9110), on the REST and widget APIs. */
class BearerSchemeIT {

  private static Api authorized(String header) {
    return Api.anonymous().header("Authorization", header);
  }

  @ParameterizedTest
  @ValueSource(strings = {"bearer", "BEARER", "bEaReR"})
  void aSignInTokenWorksWhateverTheSchemesCase(String scheme) {
    Owner owner = Organizations.signUp("Scheme Co");

    Api.Reply me = authorized(scheme + " " + owner.token()).get("/api/v1/me");

    assertEquals(200, me.status(), me::toString);
    assertEquals(owner.memberId(), me.json().getJsonObject("member").getString("id"));
  }

  @Test
  void anApiKeyWorksWithALowerCaseScheme() {
    Owner owner = Organizations.signUp("Scheme Key Co");
    String key = owner.api().post("/api/v1/api-keys", "{\"name\": \"CI\"}").json().getString("key");

    Api.Reply me = authorized("bearer " + key).get("/api/v1/me");

    assertEquals(200, me.status(), me::toString);
    assertEquals(owner.organizationId(), me.json().getJsonObject("organization").getString("id"));
  }

  @Test
  void aWidgetSessionWorksWithALowerCaseScheme() {
    Owner owner = Organizations.signUp("Scheme Widget Co");
    String session = new Widget(Widget.createApp(owner.api(), "Scheme", false).getString("app_key")).session("");

    Api.Reply messages = Widget.client(null).header("Authorization", "bearer " + session).get("/widget/v1/messages");

    assertEquals(200, messages.status(), messages::toString);
  }

  @Test
  void aLowerCaseSchemeStillNeedsAGenuineToken() {
    Owner owner = Organizations.signUp("Scheme Forged Co");
    String[] parts = owner.token().split("\\.");
    String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

    assertProblem(authorized("bearer " + forged).get("/api/v1/me"), 401, "token_invalid");
    assertProblem(authorized("bearer cvk_unknown").get("/api/v1/me"), 401, "token_invalid");
    assertProblem(authorized("Basic " + owner.token()).get("/api/v1/me"), 401, "token_invalid");
  }

  @Test
  void aSignedOutTokenIsRevokedWhateverTheSchemesCase() {
    Owner owner = Organizations.signUp("Scheme Logout Co");

    assertEquals(204, authorized("bearer " + owner.token()).post("/api/v1/auth/logout", "").status());

    assertProblem(authorized("bearer " + owner.token()).get("/api/v1/me"), 401, "token_revoked");
    assertProblem(owner.api().get("/api/v1/me"), 401, "token_revoked");
  }
}
