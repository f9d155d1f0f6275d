package io.convot.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;

/** Inviting people into a test's own organization and signing them in. */
public final class Team {

  private Team() {}

  public record Joined(String memberId, String email, String token) {
    public Api api() {
      return Api.withToken(token);
    }
  }

  public static Api.Reply invite(Api api, String email, String role) {
    return api.post("/api/v1/members", """
        {"email": "%s", "role": "%s"}
        """.formatted(email, role));
  }

  /** The one-time token at the end of the invitation URL ({@code .../app/#/invite/<token>}, or an operator's base). */
  public static String invitationToken(JsonObject invited) {
    String url = invited.getJsonObject("invitation").getString("url");
    return url.substring(url.lastIndexOf('/') + 1);
  }

  public static Api.Reply accept(String invitationToken, String name) {
    return Api.anonymous().post("/api/v1/invitations/" + invitationToken + "/accept", """
        {"name": "%s", "password": "%s"}
        """.formatted(name, Organizations.PASSWORD));
  }

  /** Invites a member with this role and accepts for them: an active member with a token. */
  public static Joined join(Organizations.Owner owner, String role) {
    String email = Organizations.uniqueEmail(role);
    Api.Reply invited = invite(owner.api(), email, role);
    assertEquals(201, invited.status(), () -> "invitation failed: " + invited);
    Api.Reply accepted = accept(invitationToken(invited.json()), "A " + role);
    assertEquals(200, accepted.status(), () -> "accepting failed: " + accepted);
    JsonObject body = accepted.json();
    return new Joined(body.getJsonObject("member").getString("id"), email, body.getString("token"));
  }
}
