package io.convot.it.conversation;

import static io.convot.it.support.ProblemAssert.assertProblem;
import static io.convot.it.support.ProblemAssert.assertValidationError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.convot.it.support.Api;
import io.convot.it.support.Organizations;
import io.convot.it.support.Widget;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/contacts?shop=}: the contacts whose session data names that Shopify shop. */
class ContactShopFilterIT {

  private final Organizations.Owner owner = Organizations.signUp("Shop Filter Co");
  private final JsonObject app = Widget.createApp(owner.api(), "Shop Filter", false);

  /** A contact of {@code organization}'s app with this email and session data. */
  private static String contact(Organizations.Owner organization, String appId, String email, String data) {
    String id = organization.api().post("/api/v1/conversations", Json.createObjectBuilder().add("app_id", appId).add("email", email)
        .add("text", "hi").build().toString()).json().getJsonObject("conversation").getString("contact_id");
    if (data != null) {
      Api.Reply patched = organization.api().patch("/api/v1/contacts/" + id, "{\"data\": " + data + "}");
      assertEquals(200, patched.status(), patched::toString);
    }
    return id;
  }

  private List<String> idsOf(String query) {
    Api.Reply reply = owner.api().get("/api/v1/contacts?" + query);
    assertEquals(200, reply.status(), reply::toString);
    return reply.json().getJsonArray("data").getValuesAs(JsonObject.class).stream().map(c -> c.getString("id")).toList();
  }

  @Test
  void listsExactlyTheContactsOfThatShop() {
    String appId = app.getString("id");
    String ann = contact(owner, appId, "ann@acme.test", "{\"shop\": \"acme.myshopify.com\", \"plan\": \"pro\"}");
    String bob = contact(owner, appId, "bob@acme.test", "{\"shop\": \"Acme.myshopify.com\"}");
    contact(owner, appId, "cat@other.test", "{\"shop\": \"other.myshopify.com\"}");
    contact(owner, appId, "dan@nowhere.test", "{\"plan\": \"acme.myshopify.com\"}");
    contact(owner, appId, "eve@nowhere.test", null);
    Organizations.Owner other = Organizations.signUp("Other Shop Filter Co");
    contact(other, Widget.createApp(other.api(), "Other", false).getString("id"), "zed@acme.test", "{\"shop\": \"acme.myshopify.com\"}");

    assertEquals(Set.of(ann, bob), Set.copyOf(idsOf("shop=acme.myshopify.com")));
    assertEquals(Set.of(ann, bob), Set.copyOf(idsOf("shop=ACME.myshopify.com")));
    assertEquals(List.of(), idsOf("shop=missing.myshopify.com"));
    assertEquals(Set.of(ann, bob), Set.copyOf(idsOf("shop=acme.myshopify.com&app_id=" + appId)));
    assertEquals(List.of(bob), idsOf("shop=acme.myshopify.com&email=bob@acme.test"));

    // Pages of one neither skip nor repeat.
    List<String> paged = new ArrayList<>();
    String cursor = null;
    do {
      Api.Reply page = owner.api().get("/api/v1/contacts?shop=acme.myshopify.com&limit=1" + (cursor == null ? "" : "&cursor=" + cursor));
      page.json().getJsonArray("data").getValuesAs(JsonObject.class).forEach(c -> paged.add(c.getString("id")));
      cursor = page.isNull("next_cursor") ? null : page.string("next_cursor");
    } while (cursor != null);
    assertEquals(List.of(ann, bob), paged);

    // Removing the shop from the session data removes the contact from the list.
    assertEquals(200, owner.api().patch("/api/v1/contacts/" + bob, "{\"data\": {\"shop\": \"\"}}").status());
    assertEquals(List.of(ann), idsOf("shop=acme.myshopify.com"));
  }

  @Test
  void aValueThatIsNoShopDomainIsRefused() {
    assertValidationError(owner.api().get("/api/v1/contacts?shop=acme.com"), "shop");
    assertValidationError(owner.api().get("/api/v1/contacts?shop=acme"), "shop");
    assertValidationError(owner.api().get("/api/v1/contacts?shop=%25.myshopify.com"), "shop");
    assertValidationError(owner.api().get("/api/v1/contacts?shop=a%27%20OR%201=1.myshopify.com"), "shop");
    assertProblem(owner.api().get("/api/v1/contacts?shop=acme.myshopify.com&app_id=nope"), 422, "validation_failed");
  }
}
