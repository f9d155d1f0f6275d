package io.convot.it.lifecycle;

import static io.convot.it.support.ProblemAssert.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Api;
import io.convot.it.support.Eventually;
import io.convot.it.support.Organizations;
import io.convot.it.support.Team;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * An owner exports the organization: a background job writes a ZIP of JSON Lines files, whose
 * progress the owner follows and which they download for 7 days. Its contents are exactly the
 * organization's contacts, conversations, messages and events; nobody else reads it.
 */
class ExportIT {

  private static final Duration SOON = Duration.ofSeconds(30);

  @Test
  void theArchiveHoldsTheOrganizationsContactsConversationsMessagesAndEvents() throws Exception {
    Organizations.Owner owner = Organizations.signUp("Exporting Co");
    LifecycleFixtures.appWithConversation(owner, "Shop", "ann@shop.test", "Hello, I need \"help\"\nwith <b>this</b>");
    LifecycleFixtures.appWithConversation(owner, "Other shop", "bob@shop.test", "second");
    Organizations.Owner other = Organizations.signUp("Other Co");
    LifecycleFixtures.appWithConversation(other, "Theirs", "eve@else.test", "not yours");

    Instant before = Instant.now();
    Api.Reply requested = owner.api().post("/api/v1/organization/export", "");
    assertEquals(202, requested.status(), requested::toString);
    String id = requested.string("id");
    assertTrue(requested.header("Location").endsWith("/api/v1/organization/exports/" + id), requested::toString);
    assertTrue(List.of("queued", "running", "ready").contains(requested.string("status")));

    JsonObject ready = Eventually.await(() -> owner.api().get("/api/v1/organization/exports/" + id).json(),
        export -> "ready".equals(export.getString("status")), SOON, "the export");
    assertEquals(100, ready.getInt("progress"));
    assertEquals(ready.getJsonNumber("records_total").longValue(), ready.getJsonNumber("records_written").longValue());
    Duration kept = Duration.between(Instant.parse(ready.getString("created_at")), Instant.parse(ready.getString("expires_at")));
    assertEquals(Duration.ofDays(7), kept);
    assertTrue(!Instant.parse(ready.getString("created_at")).isBefore(before.minusSeconds(1)));
    assertEquals("/api/v1/organization/exports/" + id + "/download", ready.getString("download_url"));

    HttpResponse<byte[]> download = download(owner.token(), id);
    assertEquals(200, download.statusCode());
    assertEquals("application/zip", download.headers().firstValue("Content-Type").orElse(""));
    assertTrue(download.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment; filename=\"convot-export-"));
    assertEquals(ready.getJsonNumber("size_bytes").longValue(), download.body().length);
    assertEquals(ready.getString("sha256"), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(download.body())));

    Map<String, List<JsonObject>> files = unzip(download.body());
    assertEquals(List.of("contacts.jsonl", "conversations.jsonl", "messages.jsonl", "events.jsonl", "manifest.json"),
        new ArrayList<>(files.keySet()));
    List<JsonObject> contacts = files.get("contacts.jsonl");
    assertEquals(List.of("ann@shop.test", "bob@shop.test"), contacts.stream().map(c -> c.getString("email")).sorted().toList());
    contacts.forEach(contact -> assertEquals("pro", contact.getJsonObject("data").getString("plan"), contact::toString));
    contacts.forEach(contact -> assertEquals(0, contact.getJsonArray("segments").size(), contact::toString));
    List<JsonObject> conversations = files.get("conversations.jsonl");
    assertEquals(2, conversations.size());
    List<String> texts = files.get("messages.jsonl").stream().map(m -> m.getString("text")).sorted().toList();
    assertEquals(List.of("Hello from the team", "Hello from the team", "Hello, I need \"help\"\nwith <b>this</b>", "internal note",
        "internal note", "second"), texts);
    assertEquals(List.of("opened_settings", "opened_settings"), files.get("events.jsonl").stream().map(e -> e.getString("name")).toList());
    for (String file : List.of("contacts.jsonl", "conversations.jsonl", "messages.jsonl", "events.jsonl")) {
      files.get(file).forEach(row -> assertEquals(owner.organizationId(), row.getString("organization_id"), file));
    }
    JsonObject manifest = files.get("manifest.json").get(0);
    assertEquals(owner.organizationId(), manifest.getString("organization_id"));
    assertEquals(Json.createObjectBuilder().add("contacts.jsonl", 2).add("conversations.jsonl", 2).add("messages.jsonl", 6)
        .add("events.jsonl", 2).build(), manifest.getJsonObject("records"));
    assertEquals(12, ready.getJsonNumber("records_written").longValue());
  }

  @Test
  void onlyTheOrganizationsOwnersSeeItsExports() throws Exception {
    Organizations.Owner owner = Organizations.signUp("Private Co");
    Team.Joined admin = Team.join(owner, "admin");
    Organizations.Owner stranger = Organizations.signUp("Stranger Co");
    String id = owner.api().post("/api/v1/organization/export", "").string("id");
    Eventually.await(() -> owner.api().get("/api/v1/organization/exports/" + id).string("status"), "ready"::equals, SOON, "the export");

    assertProblem(stranger.api().get("/api/v1/organization/exports/" + id), 404, "not_found");
    assertEquals(404, download(stranger.token(), id).statusCode());
    assertProblem(admin.api().get("/api/v1/organization/exports/" + id), 403, "insufficient_role");
    assertProblem(admin.api().post("/api/v1/organization/export", ""), 403, "insufficient_role");
    assertEquals(403, download(admin.token(), id).statusCode());
    assertProblem(owner.api().get("/api/v1/organization/exports/" + java.util.UUID.randomUUID()), 404, "not_found");
    assertProblem(owner.api().get("/api/v1/organization/exports/not-an-id"), 404, "not_found");
  }

  private static HttpResponse<byte[]> download(String token, String id) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(Api.BASE_URL + "/api/v1/organization/exports/" + id + "/download"))
        .header("Authorization", "Bearer " + token).GET().build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  /** Each entry's lines as JSON objects, in the archive's order. */
  private static Map<String, List<JsonObject>> unzip(byte[] zip) throws IOException {
    Map<String, List<JsonObject>> files = new LinkedHashMap<>();
    try (ZipInputStream entries = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
      ZipEntry entry;
      while ((entry = entries.getNextEntry()) != null) {
        String text = new String(entries.readAllBytes(), StandardCharsets.UTF_8);
        List<JsonObject> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
          if (!line.isEmpty()) {
            lines.add(Json.createReader(new StringReader(line)).readObject());
          }
        }
        files.put(entry.getName(), lines);
      }
    }
    return files;
  }
}
