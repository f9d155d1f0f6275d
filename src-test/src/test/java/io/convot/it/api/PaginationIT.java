package io.convot.it.api;

import static io.convot.it.support.ProblemAssert.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Api;
import io.convot.it.support.Organizations;
import io.convot.it.support.Organizations.Owner;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Keyset pagination of lists: {@code ?limit} and the opaque {@code ?cursor}. */
class PaginationIT {

  private record Page(List<String> ids, String nextCursor) {}

  private static Page page(Api api, int limit, String cursor) {
    String query = "?limit=" + limit + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
    Api.Reply reply = api.get("/api/v1/apps" + query);
    assertEquals(200, reply.status(), reply::toString);
    List<String> ids = reply.json().getJsonArray("data").stream().map(app -> app.asJsonObject().getString("id")).toList();
    return new Page(ids, reply.isNull("next_cursor") ? null : reply.string("next_cursor"));
  }

  private static List<String> createApps(Api api, int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      ids.add(Organizations.createApp(api, "App " + i).getString("id"));
    }
    return ids;
  }

  @Test
  void readsFiveAppsTwoAtATimeWithoutDuplicatesOrGaps() {
    Owner owner = Organizations.signUp("Pages");
    List<String> created = createApps(owner.api(), 5);

    Page first = page(owner.api(), 2, null);
    Page second = page(owner.api(), 2, first.nextCursor());
    Page third = page(owner.api(), 2, second.nextCursor());

    assertEquals(2, first.ids().size());
    assertNotNull(first.nextCursor());
    assertEquals(2, second.ids().size());
    assertNotNull(second.nextCursor());
    assertEquals(1, third.ids().size());
    assertNull(third.nextCursor());
    List<String> paged = new ArrayList<>(first.ids());
    paged.addAll(second.ids());
    paged.addAll(third.ids());
    assertEquals(page(owner.api(), 200, null).ids(), paged, "pages differ from the whole list");
    assertEquals(Set.copyOf(created), Set.copyOf(paged));
    assertEquals(5, paged.size());
  }

  @Test
  void appsCreatedBetweenPagesAppearOnceOrNotAtAllAndNoRowRepeats() {
    Owner owner = Organizations.signUp("Moving pages");
    List<String> original = createApps(owner.api(), 5);

    List<String> seen = new ArrayList<>();
    Set<String> createdMeanwhile = new HashSet<>();
    Page page = page(owner.api(), 2, null);
    seen.addAll(page.ids());
    while (page.nextCursor() != null) {
      createdMeanwhile.add(Organizations.createApp(owner.api(), "Meanwhile " + seen.size()).getString("id"));
      page = page(owner.api(), 2, page.nextCursor());
      seen.addAll(page.ids());
    }

    assertEquals(seen.size(), Set.copyOf(seen).size(), () -> "a row repeated: " + seen);
    assertTrue(seen.containsAll(original), () -> "an original app was skipped: " + seen);
    Set<String> extra = new HashSet<>(seen);
    original.forEach(extra::remove);
    assertTrue(createdMeanwhile.containsAll(extra), () -> "unknown rows: " + extra);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "201"})
  void rejectsLimitOutsideOneToTwoHundred(String limit) {
    Owner owner = Organizations.signUp("Limits");

    assertProblem(owner.api().get("/api/v1/apps?limit=" + limit), 422, "invalid_parameter");
  }

  @Test
  void rejectsNonNumericLimit() {
    Owner owner = Organizations.signUp("Word limit");

    assertProblem(owner.api().get("/api/v1/apps?limit=ten"), 422, "invalid_parameter");
  }

  @Test
  void acceptsLimitsOfOneAndTwoHundred() {
    Owner owner = Organizations.signUp("Edge limits");
    createApps(owner.api(), 2);

    assertEquals(1, page(owner.api(), 1, null).ids().size());
    assertEquals(2, page(owner.api(), 200, null).ids().size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/v1/apps", "/api/v1/members", "/api/v1/api-keys"})
  void rejectsGarbageCursor(String list) {
    Owner owner = Organizations.signUp("Garbage cursor");

    assertProblem(owner.api().get(list + "?cursor=not-a-cursor"), 400, "invalid_cursor");
  }
}
