package io.convot.web.contact;

import io.convot.common.Page;
import io.convot.common.PageRequest;
import io.convot.contact.ContactChanges;
import io.convot.contact.ContactEventView;
import io.convot.contact.ContactFilter;
import io.convot.contact.ContactService;
import io.convot.contact.ContactView;
import io.convot.contact.Profile;
import io.convot.web.QueryFilters;
import io.convot.web.json.MergePatch;
import io.convot.web.json.NotNullable;
import io.convot.web.json.Scalars;
import io.convot.common.JsonText;
import io.convot.shopify.ShopifyService;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Contacts: who talks to the team, with session data, segments and timeline events. */
@Path("contacts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContactResource {

  /** A change to a contact (JSON Merge Patch): what is left out stays; no field can be cleared. */
  public record ContactPatch(@NotNullable String nickname, @NotNullable String avatar, @NotNullable String phone,
      @NotNullable JsonObject company, @NotNullable @Scalars Map<String, JsonValue> data, @NotNullable List<String> segments) {}

  @Inject ContactService contacts;
  @Inject ShopifyService shops;

  @GET
  public Page<ContactView> list(@QueryParam("app_id") String appId, @QueryParam("email") String email,
      @QueryParam("external_id") String externalId, @QueryParam("segment") String segment,
      @QueryParam("updated_since") String updatedSince, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
      @QueryParam("shop") String shop) {
    QueryFilters query = new QueryFilters();
    ContactFilter filter = new ContactFilter(query.uuid("app_id", appId), query.text(email), query.text(externalId),
        query.text(segment), query.instant("updated_since", updatedSince), query.text(shop));
    query.check();
    return contacts.list(filter, PageRequest.of(limit, cursor));
  }

  /** A contact, with the Shopify shop its session data links it to ({@code shop}, or {@code null}). */
  @GET
  @Path("{id}")
  public JsonObject get(@PathParam("id") UUID id) {
    ContactView contact = contacts.get(id);
    JsonValue shop = shops.linkedShop(contact.appId(), contact.data())
        .map(block -> (JsonValue) JsonText.read(JsonText.write(block))).orElse(JsonValue.NULL);
    return Json.createObjectBuilder(JsonText.read(JsonText.write(contact)).asJsonObject()).add("shop", shop).build();
  }

  @PATCH
  @Path("{id}")
  @Consumes({MediaType.APPLICATION_JSON, MergePatch.MEDIA_TYPE})
  public ContactView update(@PathParam("id") UUID id, ContactPatch body) {
    Profile profile = new Profile(Optional.ofNullable(body.nickname()), Optional.ofNullable(body.avatar()),
        Optional.ofNullable(body.phone()), Optional.ofNullable(body.company()).map(JsonObject::toString));
    return contacts.update(id, new ContactChanges(profile, data(body.data()), Optional.ofNullable(body.segments())));
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") UUID id) {
    contacts.delete(id);
    return Response.noContent().build();
  }

  @GET
  @Path("{id}/events")
  public Page<ContactEventView> events(@PathParam("id") UUID id, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
    return contacts.events(id, PageRequest.of(limit, cursor));
  }

  /** Custom data as it is stored: each entry's JSON text, keys lowercased. */
  public static Map<String, String> data(Map<String, JsonValue> entries) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    if (entries != null) {
      entries.forEach((key, value) -> out.put(key.trim().toLowerCase(java.util.Locale.ROOT), value == null ? "null" : value.toString()));
    }
    return out;
  }
}
