package io.convot.it.api;

import static io.convot.it.support.ProblemAssert.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Api;
import io.convot.it.support.Organizations;
import io.convot.it.support.Team;
import io.convot.it.support.Organizations.Owner;
import jakarta.json.JsonObject;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The team: invitations, roles and permissions, removal, and the organization's last owner. */
class MembersIT {

  @Test
  void listShowsTheOwner() {
    Owner owner = Organizations.signUp("Team");

    Api.Reply list = owner.api().get("/api/v1/members");

    assertEquals(200, list.status(), list::toString);
    JsonObject only = list.json().getJsonArray("data").getJsonObject(0);
    assertEquals(1, list.json().getJsonArray("data").size());
    assertEquals(owner.memberId(), only.getString("id"));
    assertEquals(owner.email(), only.getString("email"));
    assertEquals("owner", only.getString("role"));
  }

  @Test
  void invitingCreatesAnInvitedMemberWithAOneTimeLink() {
    Owner owner = Organizations.signUp("Invite");
    String email = Organizations.uniqueEmail("invitee");

    Api.Reply reply = Team.invite(owner.api(), email, "admin");

    assertEquals(201, reply.status(), reply::toString);
    JsonObject invited = reply.json();
    assertNotNull(invited.getString("id"));
    assertEquals(email, invited.getString("email"));
    assertEquals("admin", invited.getString("role"));
    assertEquals("invited", invited.getString("status"));
    String url = invited.getJsonObject("invitation").getString("url");
    assertTrue(url.matches(Pattern.quote(Api.BASE_URL) + "/app/#/invite/[A-Za-z0-9_-]+"), () -> "invitation url: " + url);
    assertNotNull(invited.getJsonObject("invitation").getString("expires_at"));
    assertEquals(2, owner.api().get("/api/v1/members").json().getJsonArray("data").size());
  }

  @Test
  void acceptingAnInvitationActivatesAndSignsInTheMember() {
    Owner owner = Organizations.signUp("Accept");
    JsonObject invited = Team.invite(owner.api(), Organizations.uniqueEmail("joiner"), "agent").json();

    Api.Reply reply = Team.accept(Team.invitationToken(invited), "Joiner");

    assertEquals(200, reply.status(), reply::toString);
    JsonObject member = reply.json().getJsonObject("member");
    assertEquals(invited.getString("id"), member.getString("id"));
    assertEquals("Joiner", member.getString("name"));
    assertEquals("agent", member.getString("role"));
    assertNotNull(reply.string("expires_at"));
    Api.Reply me = Api.withToken(reply.string("token")).get("/api/v1/me");
    assertEquals(200, me.status(), me::toString);
    assertEquals(invited.getString("id"), me.json().getJsonObject("member").getString("id"));
    assertEquals(owner.organizationId(), me.json().getJsonObject("organization").getString("id"));
  }

  @Test
  void usedInvitationIsNotFound() {
    Owner owner = Organizations.signUp("Used invitation");
    JsonObject invited = Team.invite(owner.api(), Organizations.uniqueEmail("once"), "agent").json();
    String token = Team.invitationToken(invited);
    assertEquals(200, Team.accept(token, "First").status());

    assertProblem(Team.accept(token, "Second"), 404, "not_found");
  }

  @Test
  void ownerChangesRoleAndRevenueAccess() {
    Owner owner = Organizations.signUp("Change role");
    Team.Joined admin = Team.join(owner, "admin");

    Api.Reply reply = owner.api().patch("/api/v1/members/" + admin.memberId(), """
        {"role": "agent", "permissions": {"revenue_access": true}}
        """);

    assertEquals(200, reply.status(), reply::toString);
    assertEquals("agent", reply.string("role"));
    assertTrue(reply.json().getJsonObject("permissions").getBoolean("revenue_access"));
    JsonObject me = admin.api().get("/api/v1/me").json().getJsonObject("member");
    assertEquals("agent", me.getString("role"));
    assertTrue(me.getJsonObject("permissions").getBoolean("revenue_access"));
  }

  @Test
  void removingAMemberEndsTheirSessionAtOnce() {
    Owner owner = Organizations.signUp("Remove");
    Team.Joined agent = Team.join(owner, "agent");
    assertEquals(200, agent.api().get("/api/v1/me").status());

    Api.Reply reply = owner.api().delete("/api/v1/members/" + agent.memberId());

    assertEquals(204, reply.status(), reply::toString);
    Api.Reply refused = agent.api().get("/api/v1/me");
    assertEquals(401, refused.status(), refused::toString);
    assertTrue(refused.contentType().startsWith("application/problem+json"), refused::toString);
    assertProblem(owner.api().get("/api/v1/members/" + agent.memberId()), 404, "not_found");
  }

  @Test
  void agentCannotInviteMembers() {
    Owner owner = Organizations.signUp("Agent invites");
    Team.Joined agent = Team.join(owner, "agent");

    Api.Reply reply = Team.invite(agent.api(), Organizations.uniqueEmail("friend"), "agent");

    assertProblem(reply, 403, "insufficient_role");
    assertEquals(2, owner.api().get("/api/v1/members").json().getJsonArray("data").size());
  }

  @Test
  void demotingTheLastOwnerIsAConflict() {
    Owner owner = Organizations.signUp("Last owner demoted");

    Api.Reply reply = owner.api().patch("/api/v1/members/" + owner.memberId(), "{\"role\": \"admin\"}");

    assertProblem(reply, 409, "last_owner");
    assertEquals("owner", owner.api().get("/api/v1/members/" + owner.memberId()).string("role"));
  }

  @Test
  void removingTheLastOwnerIsAConflict() {
    Owner owner = Organizations.signUp("Last owner removed");

    Api.Reply reply = owner.api().delete("/api/v1/members/" + owner.memberId());

    assertProblem(reply, 409, "last_owner");
    assertEquals(200, owner.api().get("/api/v1/me").status());
  }

  @Test
  void invitingARegisteredEmailIsAConflict() {
    Owner owner = Organizations.signUp("Invite taken");
    Owner elsewhere = Organizations.signUp("Elsewhere");

    assertProblem(Team.invite(owner.api(), owner.email(), "agent"), 409, "email_taken");
    assertProblem(Team.invite(owner.api(), elsewhere.email(), "agent"), 409, "email_taken");
    assertEquals(1, owner.api().get("/api/v1/members").json().getJsonArray("data").size());
  }
}
