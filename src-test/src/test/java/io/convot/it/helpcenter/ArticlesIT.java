package io.convot.it.helpcenter;

import static io.convot.it.support.ProblemAssert.assertFieldError;
import static io.convot.it.support.ProblemAssert.assertProblem;
import static io.convot.it.support.ProblemAssert.assertValidationError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Api;
import io.convot.it.support.Organizations;
import io.convot.it.support.Team;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** {@code /api/v1/apps/{app_id}/articles} and {@code /api/v1/articles/{id}}: writing the help center. */
class ArticlesIT {

  private final Organizations.Owner owner = Organizations.signUp("Articles Co");
  private final String appId = Organizations.createApp(owner.api(), "Docs").getString("id");

  @Test
  void anArticleIsWrittenInMarkdownAndReadBackRendered() {
    JsonObject article = Articles.created(owner.api(), appId, Articles.article("Réglages & paiements", "# Payouts\n\nGo to **Finances**.")
        .add("category", "Billing").add("locale", "fr"));

    assertEquals("reglages-paiements", article.getString("slug"), "the slug is made from the title");
    assertEquals("draft", article.getString("status"));
    assertEquals("fr", article.getString("locale"));
    assertEquals("Billing", article.getString("category"));
    assertTrue(article.isNull("published_at"));
    assertEquals("<h1>Payouts</h1>\n<p>Go to <strong>Finances</strong>.</p>\n", article.getString("body_html"));
    assertEquals(article, owner.api().get("/api/v1/articles/" + article.getString("id")).json());

    Api.Reply published = owner.api().patch("/api/v1/articles/" + article.getString("id"), "{\"status\": \"published\", \"category\": null}");
    assertEquals(200, published.status(), published::toString);
    assertEquals("published", published.json().getString("status"));
    assertNotNull(published.json().getString("published_at"));
    assertTrue(published.json().isNull("category"), "null clears the category");
    assertEquals("# Payouts\n\nGo to **Finances**.", published.json().getString("body_markdown"), "left-out fields keep their value");

    List<String> listed = owner.api().get("/api/v1/apps/" + appId + "/articles?status=published").json().getJsonArray("data")
        .getValuesAs(JsonObject.class).stream().map(a -> a.getString("id")).toList();
    assertEquals(List.of(article.getString("id")), listed);
    assertEquals(0, owner.api().get("/api/v1/apps/" + appId + "/articles?status=draft").json().getJsonArray("data").size());

    assertEquals(204, owner.api().delete("/api/v1/articles/" + article.getString("id")).status());
    assertProblem(owner.api().get("/api/v1/articles/" + article.getString("id")), 404, "not_found");
  }

  @Test
  void markupThatTriesScriptInjectionRendersInert() {
    String markdown = """
        Hello <script>alert('x')</script> there.

        <img src="x" onerror="alert(1)"> <a href="javascript:alert(2)">click</a> [link](javascript:alert(3))

        <iframe src="https://evil.test"></iframe><p style="color:red" onclick="alert(4)">styled</p>
        <svg onload="alert(5)"></svg> <a href="https://ok.test/">fine</a>
        """;
    JsonObject article = Articles.created(owner.api(), appId, Articles.article("Injection", markdown));

    String html = article.getString("body_html").toLowerCase(Locale.ROOT);
    for (String bad : List.of("<script", "onerror", "onclick", "onload", "javascript:", "<iframe", "style=", "<svg", "alert(")) {
      assertFalse(html.contains(bad), () -> bad + " survived: " + html);
    }
    assertTrue(html.matches("(?s).*<a href=\"https://ok.test/\" rel=\"(?=[^\"]*nofollow)(?=[^\"]*noopener)(?=[^\"]*noreferrer)[a-z ]+\">fine</a>.*"),
        "links leave with rel nofollow noopener noreferrer: " + html);
    assertTrue(html.contains("styled"), "the text of a refused element stays, as text: " + html);

    Api.Reply preview = owner.api().post("/api/v1/articles/preview",
        "{\"body_markdown\": \"<script>alert(1)</script>\\n\\n**bold** <b onmouseover=alert(2)>b</b>\"}");
    assertEquals(200, preview.status(), preview::toString);
    assertEquals("<p><strong>bold</strong> <b>b</b></p>", preview.json().getString("body_html").strip());
  }

  @Test
  void aSlugIsUniquePerAppAndLocale() {
    Articles.created(owner.api(), appId, Articles.article("Refunds", "One").add("slug", "refunds"));

    Api.Reply clash = Articles.create(owner.api(), appId, Articles.article("Refunds again", "Two").add("slug", "refunds"));
    assertProblem(clash, 409, "slug_taken");
    assertFieldError(clash, "slug");
    assertEquals("refunds-2", Articles.created(owner.api(), appId, Articles.article("Refunds", "Three")).getString("slug"),
        "a slug made from a title takes the next free number");
    assertEquals("refunds", Articles.created(owner.api(), appId, Articles.article("Refunds", "Quatre").add("slug", "refunds")
        .add("locale", "fr")).getString("slug"), "another locale has slugs of its own");
    String otherApp = Organizations.createApp(owner.api(), "Other").getString("id");
    assertEquals("refunds", Articles.created(owner.api(), otherApp, Articles.article("Refunds", "Five")).getString("slug"));

    JsonObject moving = Articles.created(owner.api(), appId, Articles.article("Moving", "Six"));
    assertProblem(owner.api().patch("/api/v1/articles/" + moving.getString("id"), "{\"slug\": \"refunds\"}"), 409, "slug_taken");
  }

  @Test
  void badArticlesAreRefusedFieldByField() {
    assertValidationError(Articles.create(owner.api(), appId, Articles.article("", "x")), "title");
    assertValidationError(Articles.create(owner.api(), appId, Articles.article("t".repeat(201), "x")), "title");
    assertValidationError(owner.api().post("/api/v1/apps/" + appId + "/articles", "{\"title\": \"No body\"}"), "body_markdown");
    assertValidationError(Articles.create(owner.api(), appId, Articles.article("Slug", "x").add("slug", "Not A Slug")), "slug");
    assertValidationError(Articles.create(owner.api(), appId, Articles.article("Locale", "x").add("locale", "english")), "locale");
    assertValidationError(Articles.create(owner.api(), appId, Articles.article("Status", "x").add("status", "live")), "status");
    assertValidationError(Articles.create(owner.api(), appId, Articles.article("Long", "x".repeat(100_001))), "body_markdown");
    assertProblem(Articles.create(owner.api(), appId, Articles.article("Type", "x").add("title", 5)), 422, "validation_failed");
    assertProblem(owner.api().post("/api/v1/apps/" + appId + "/articles", "{\"title\": "), 400, "malformed_request");
    assertProblem(owner.api().get("/api/v1/apps/" + appId + "/articles?status=live"), 422, "invalid_parameter");
    assertEquals(0, owner.api().get("/api/v1/apps/" + appId + "/articles").json().getJsonArray("data").size(),
        "nothing refused was written");
  }

  @Test
  void agentsReadArticlesButOnlyOwnersAndAdminsWriteThem() {
    JsonObject article = Articles.created(owner.api(), appId, Articles.article("Team", "Body"));
    Team.Joined agent = Team.join(owner, "agent");

    assertEquals(200, agent.api().get("/api/v1/articles/" + article.getString("id")).status());
    assertEquals(1, agent.api().get("/api/v1/apps/" + appId + "/articles").json().getJsonArray("data").size());
    assertProblem(Articles.create(agent.api(), appId, Articles.article("No", "x")), 403, "insufficient_role");
    assertProblem(agent.api().patch("/api/v1/articles/" + article.getString("id"), "{\"title\": \"Mine\"}"), 403, "insufficient_role");
    assertProblem(agent.api().delete("/api/v1/articles/" + article.getString("id")), 403, "insufficient_role");

    Team.Joined admin = Team.join(owner, "admin");
    assertEquals(200, admin.api().patch("/api/v1/articles/" + article.getString("id"), "{\"title\": \"Ours\"}").status());
  }

  @Test
  void anotherOrganizationsArticlesAndAppsAreNotFound() {
    JsonObject article = Articles.created(owner.api(), appId, Articles.article("Private", "Ours"));
    Organizations.Owner other = Organizations.signUp("Other Co");
    String id = article.getString("id");

    assertProblem(other.api().get("/api/v1/articles/" + id), 404, "not_found");
    assertProblem(other.api().patch("/api/v1/articles/" + id, "{\"title\": \"Theirs\"}"), 404, "not_found");
    assertProblem(other.api().delete("/api/v1/articles/" + id), 404, "not_found");
    assertProblem(other.api().get("/api/v1/apps/" + appId + "/articles"), 404, "not_found");
    assertProblem(Articles.create(other.api(), appId, Articles.article("Planted", "x")), 404, "not_found");
    assertEquals("Private", owner.api().get("/api/v1/articles/" + id).json().getString("title"), "nothing changed");
  }
}
