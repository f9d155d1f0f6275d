package io.convot.it.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.convot.it.support.Api;
import io.convot.it.support.Database;
import io.convot.it.support.Eventually;
import io.convot.it.support.Organizations;
import io.convot.it.support.Widget;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An organization with some of everything, and its rows counted table by table. */
final class LifecycleFixtures {

  /** The test server's grace periods (src-test/pom.xml) plus room for the job's two-second runs. */
  static final Duration ORGANIZATION_GRACE = Duration.ofSeconds(15);
  static final Duration APP_GRACE = Duration.ofSeconds(15);
  static final Duration PAST_GRACE = Duration.ofSeconds(60);

  private LifecycleFixtures() {}

  /** An app with a visitor's conversation (identified, one session data key, an event), an agent's reply and a note. */
  static JsonObject appWithConversation(Organizations.Owner owner, String name, String email, String text) {
    JsonObject app = Widget.createApp(owner.api(), name, false);
    Widget widget = new Widget(app.getString("app_key"));
    String session = widget.session("\"user\": {\"email\": \"" + email + "\"}, \"data\": {\"plan\": \"pro\"}");
    assertEquals(201, Widget.client(session).post("/widget/v1/events", "{\"name\": \"opened_settings\"}").status());
    Api.Reply sent = Widget.send(session, text);
    assertEquals(201, sent.status(), sent::toString);
    String conversation = sent.json().getString("conversation_id");
    reply(owner.api(), conversation, "Hello from the team", false);
    reply(owner.api(), conversation, "internal note", true);
    return app;
  }

  static void reply(Api api, String conversation, String text, boolean note) {
    Api.Reply reply = api.post("/api/v1/conversations/" + conversation + "/messages",
        Json.createObjectBuilder().add("text", text).add("private", note).build().toString());
    assertEquals(201, reply.status(), reply::toString);
  }

  /** Every table of the schema with an organization_id column, from the catalog (as the deletion job finds them). */
  static List<String> tablesWithOrganizationId() {
    return Database.column("""
        SELECT c.relname::text FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'organization_id' AND NOT a.attisdropped
        WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') ORDER BY 1""").stream().map(Object::toString).toList();
  }

  /** The organization's rows in every such table (tables without one left out). */
  static Map<String, Long> rowsOf(String organizationId) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : tablesWithOrganizationId()) {
      long rows = Database.count("SELECT count(*) FROM \"" + table + "\" WHERE organization_id = ?", UUID.fromString(organizationId));
      if (rows > 0) {
        counts.put(table, rows);
      }
    }
    return counts;
  }

  static boolean organizationExists(String organizationId) {
    return Database.count("SELECT count(*) FROM organizations WHERE id = ?", UUID.fromString(organizationId)) == 1;
  }

  static void awaitOrganizationDeleted(String organizationId) {
    Eventually.await(() -> organizationExists(organizationId), exists -> !exists, PAST_GRACE, "the organization's deletion");
  }

  /** {@code table -> deleted rows} of the finished deletion of {@code subjectId}. */
  static Map<String, Long> deletionLog(String subject, String subjectId) {
    Map<String, Long> counts = new LinkedHashMap<>();
    try (var connection = Database.connect(Database.URL);
         var statement = connection.prepareStatement("""
             SELECT t.table_name, t.deleted_rows FROM deletion_log l JOIN deletion_log_tables t ON t.deletion_id = l.id
             WHERE l.subject = ? AND l.subject_id = ? AND l.finished_at IS NOT NULL ORDER BY 1""")) {
      statement.setString(1, subject);
      statement.setObject(2, UUID.fromString(subjectId));
      try (var rows = statement.executeQuery()) {
        while (rows.next()) {
          counts.put(rows.getString(1), rows.getLong(2));
        }
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    return counts;
  }
}
