package io.convot.it.conversation;

import static io.convot.it.support.ProblemAssert.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Database;
import io.convot.it.support.Organizations;
import io.convot.it.support.Widget;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code POST /api/v1/conversations/{id}/unassign}: the same as assigning to nobody. */
class UnassignIT {

  private final Organizations.Owner owner = Organizations.signUp("Unassign Co");

  private List<JsonObject> assignedEvents() {
    return Database.column("SELECT payload FROM events WHERE organization_id = ?::uuid AND type = 'conversation.assigned'"
            + " ORDER BY created_at, id", owner.organizationId())
        .stream().map(payload -> Json.createReader(new StringReader(payload.toString())).readObject()).toList();
  }

  private String conversation() {
    JsonObject app = Widget.createApp(owner.api(), "Unassign", false);
    return owner.api().post("/api/v1/conversations", Json.createObjectBuilder().add("app_id", app.getString("id"))
        .add("email", "ann@shop.test").add("text", "hello").build().toString()).json().getJsonObject("conversation").getString("id");
  }

  @Test
  void unassigningFiresAssignedWithNoAssigneeOnceAndChangesNothingMore() {
    String id = conversation();
    assertEquals(200, owner.api().post("/api/v1/conversations/" + id + "/assign", "{\"member_id\": \"" + owner.memberId() + "\"}").status());

    var reply = owner.api().post("/api/v1/conversations/" + id + "/unassign", "");

    assertEquals(200, reply.status(), reply::toString);
    assertTrue(reply.json().isNull("assignee_id"), reply::toString);
    assertTrue(owner.api().get("/api/v1/conversations/" + id).json().isNull("assignee_id"));
    assertEquals(1, owner.api().get("/api/v1/conversations?assignee_id=none").json().getJsonArray("data").size());
    List<JsonObject> events = assignedEvents();
    assertEquals(2, events.size(), events::toString);
    JsonObject unassigned = events.get(1).getJsonObject("data");
    assertTrue(unassigned.isNull("assignee"), unassigned::toString);
    assertEquals(id, unassigned.getJsonObject("conversation").getString("id"));
    assertTrue(unassigned.getJsonObject("conversation").isNull("assignee_id"));

    // Already unassigned: the same answer, and no event (as assign with member_id null does).
    var again = owner.api().post("/api/v1/conversations/" + id + "/unassign", "");
    assertEquals(200, again.status(), again::toString);
    assertTrue(again.json().isNull("assignee_id"));
    assertEquals(2, assignedEvents().size());
  }

  @Test
  void unknownOrAnotherOrganizationsConversationIsNotFound() {
    String id = conversation();
    assertEquals(200, owner.api().post("/api/v1/conversations/" + id + "/assign", "{\"member_id\": \"" + owner.memberId() + "\"}").status());
    Organizations.Owner other = Organizations.signUp("Nosy Unassign Co");

    assertProblem(other.api().post("/api/v1/conversations/" + id + "/unassign", ""), 404, "not_found");
    assertProblem(owner.api().post("/api/v1/conversations/" + UUID.randomUUID() + "/unassign", ""), 404, "not_found");
    assertProblem(owner.api().post("/api/v1/conversations/not-an-id/unassign", ""), 404, "not_found");

    assertEquals(owner.memberId(), owner.api().get("/api/v1/conversations/" + id).json().getString("assignee_id"));
    assertEquals(1, assignedEvents().size());
  }
}
