package io.convot.it.helpcenter;

import static io.convot.it.support.ProblemAssert.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Api;
import io.convot.it.support.ClientAddresses;
import io.convot.it.support.Organizations;
import io.convot.it.support.Widget;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The public help center ({@code /help/<app key>/}) and its search from the widget: server-side HTML
 * in the app's color, drafts never shown, caching with revalidation, a sitemap, and full-text search
 * in each article's language with prefixes, ranking and highlighted snippets.
 */
class HelpCenterSiteIT {

  private final Organizations.Owner owner = Organizations.signUp("Site Co");
  private final JsonObject app = Widget.createApp(owner.api(), "Acme <Orders>", false);
  private final String appId = app.getString("id");
  private final String root = "/help/" + app.getString("app_key") + "/";

  private static Api.Reply page(String path) {
    return Api.anonymous().get(path);
  }

  private Api.Reply widgetSearch(String query) {
    return Api.anonymous().header("Origin", Widget.HOST_ORIGIN).get("/widget/v1/help/search?app_id=" + app.getString("app_key")
        + "&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
  }

  private List<String> widgetTitles(String query) {
    Api.Reply reply = widgetSearch(query);
    assertEquals(200, reply.status(), reply::toString);
    return reply.json().getJsonArray("data").getValuesAs(JsonObject.class).stream().map(h -> h.getString("title")).toList();
  }

  @Test
  void theHomeListsPublishedArticlesByCategoryInTheAppsColor() {
    owner.api().patch("/api/v1/apps/" + appId, "{\"theme_color\": \"#7c3aed\"}");
    Articles.published(owner.api(), appId, Articles.article("Connect your store", "Install the app.").add("category", "Getting started"));
    Articles.published(owner.api(), appId, Articles.article("Refund policy", "Refunds within 30 days.").add("category", "Billing"));
    Articles.created(owner.api(), appId, Articles.article("Secret roadmap", "Not yet.").add("category", "Billing"));

    Api.Reply home = page(root);

    assertEquals(200, home.status(), home::toString);
    assertTrue(home.contentType().startsWith("text/html"), home.contentType());
    String html = home.body();
    assertTrue(html.contains("<title>Help center · Acme &lt;Orders&gt; Help Center</title>"), "the app's name is escaped: " + html);
    assertTrue(html.contains("<meta name=\"description\" content=\""), html);
    assertTrue(html.contains("<link rel=\"canonical\" href=\"" + Api.BASE_URL + root + "\">"), html);
    assertTrue(html.contains("--theme:#7c3aed"), "the app's theme color");
    assertTrue(html.contains("<h2>Getting started</h2>") && html.contains("<h2>Billing</h2>"), html);
    assertTrue(html.contains("href=\"" + Api.BASE_URL + root + "en/refund-policy\">Refund policy</a>"), html);
    assertFalse(html.contains("Secret roadmap"), "drafts are never public");
    assertFalse(html.contains("<script"), "the pages need no script");
    assertEquals("public, max-age=300", home.header("Cache-Control"));
    assertTrue(home.header("Content-Security-Policy").startsWith("default-src 'none'; style-src 'sha256-"), home.header("Content-Security-Policy"));
  }

  @Test
  void anArticlePageIsReadableWithoutJavaScriptAndDraftsAreNotFound() {
    JsonObject article = Articles.published(owner.api(), appId, Articles.article("Payouts <b>explained</b>",
        "Payouts arrive **weekly** on Mondays.\n\n<script>alert('x')</script><img src=x onerror=alert(1)>").add("slug", "payouts"));
    Articles.created(owner.api(), appId, Articles.article("Draft", "Not public").add("slug", "draft-one"));

    Api.Reply reply = page(root + "en/payouts");

    assertEquals(200, reply.status(), reply::toString);
    String html = reply.body();
    assertTrue(html.contains("<h1>Payouts &lt;b&gt;explained&lt;/b&gt;</h1>"), "the title is text: " + html);
    assertTrue(html.contains("<p>Payouts arrive <strong>weekly</strong> on Mondays.</p>"), html);
    assertTrue(html.contains("<meta name=\"description\" content=\"Payouts arrive weekly on Mondays.\">"), html);
    assertTrue(html.contains("<link rel=\"canonical\" href=\"" + Api.BASE_URL + root + "en/payouts\">"), html);
    assertFalse(html.contains("<script") || html.contains("onerror") || html.contains("alert("), "injection renders inert: " + html);

    assertEquals(404, page(root + "en/draft-one").status(), "a draft is not public");
    assertEquals(404, page(root + "fr/payouts").status(), "nor is an article in another locale");
    assertEquals(404, page(root + "en/no-such-article").status());
    assertEquals(404, page("/help/app_doesnotexist/").status());
    assertEquals(301, Api.anonymous().get(root.substring(0, root.length() - 1)).status());

    owner.api().patch("/api/v1/articles/" + article.getString("id"), "{\"status\": \"draft\"}");
    assertEquals(404, page(root + "en/payouts").status(), "an unpublished article leaves the site at once");
  }

  @Test
  void revalidationWithTheEntityTagGivesNotModifiedUntilTheArticleChanges() {
    JsonObject article = Articles.published(owner.api(), appId, Articles.article("Shipping", "We ship daily.").add("slug", "shipping"));
    Api.Reply first = page(root + "en/shipping");
    String etag = first.header("ETag");
    assertNotNull(etag, "pages carry an ETag");
    assertEquals("public, max-age=300", first.header("Cache-Control"));

    Api.Reply again = Api.anonymous().header("If-None-Match", etag).get(root + "en/shipping");
    assertEquals(304, again.status(), again::toString);
    assertEquals("", again.body());
    assertEquals(etag, again.header("ETag"));

    owner.api().patch("/api/v1/articles/" + article.getString("id"), "{\"body_markdown\": \"We ship twice a day.\"}");
    Api.Reply changed = Api.anonymous().header("If-None-Match", etag).get(root + "en/shipping");
    assertEquals(200, changed.status(), "a changed article is sent again");
    assertTrue(changed.body().contains("We ship twice a day."));
    assertFalse(etag.equals(changed.header("ETag")));
  }

  @Test
  void eachClientAddressIsLimitedPerMinute() {
    Articles.published(owner.api(), appId, Articles.article("Limits", "Twenty a minute on the test server.").add("slug", "limits"));
    Api client = ClientAddresses.from(Api.anonymous(), ClientAddresses.fresh());
    // Windows are minutes of the clock: when one ends during the loop, the count starts again with the next.
    int inWindow = 0;
    int previousRemaining = Integer.MAX_VALUE;
    Api.Reply reply = client.get(root + "search?q=minute");
    for (int i = 0; reply.status() == 200 && i < 60; i++) {
      int remaining = Integer.parseInt(reply.header("RateLimit-Remaining"));
      inWindow = remaining > previousRemaining ? 1 : inWindow + 1;
      assertEquals(20 - inWindow, remaining, reply::toString);
      previousRemaining = remaining;
      reply = client.get(root + (i % 2 == 0 ? "en/limits" : "search?q=minute"));
    }

    assertEquals(429, reply.status(), reply::toString);
    assertEquals(20, inWindow, "twenty pages a minute, then 429");
    assertNotNull(reply.header("Retry-After"));
    assertEquals(200, ClientAddresses.from(Api.anonymous(), ClientAddresses.fresh()).get(root + "en/limits").status(),
        "another address has its own count");
  }

  @Test
  void theSitemapListsEveryPublishedArticle() {
    Articles.published(owner.api(), appId, Articles.article("One", "1").add("slug", "one"));
    Articles.published(owner.api(), appId, Articles.article("Deux", "2").add("slug", "deux").add("locale", "fr"));
    Articles.created(owner.api(), appId, Articles.article("Hidden", "3").add("slug", "hidden"));

    Api.Reply sitemap = page(root + "sitemap.xml");

    assertEquals(200, sitemap.status());
    assertTrue(sitemap.contentType().startsWith("application/xml"), sitemap.contentType());
    String xml = sitemap.body();
    assertTrue(xml.contains("<loc>" + Api.BASE_URL + root + "</loc>"), xml);
    assertTrue(xml.contains("<loc>" + Api.BASE_URL + root + "en/one</loc>"), xml);
    assertTrue(xml.contains("<loc>" + Api.BASE_URL + root + "fr/deux</loc>"), xml);
    assertFalse(xml.contains("hidden"), xml);
  }

  @Test
  void searchFindsByAWordOfTheBodyAndByAPrefixAndRanksATitleMatchFirst() {
    Articles.published(owner.api(), appId, Articles.article("Billing overview",
        "Invoices, refunds and refunding: everything about refunds is handled by billing.").add("slug", "billing"));
    Articles.published(owner.api(), appId, Articles.article("Refunds", "Ask us within 30 days.").add("slug", "refunds"));
    Articles.published(owner.api(), appId, Articles.article("Shipping labels", "Print labels for every parcel.").add("slug", "labels"));
    Articles.created(owner.api(), appId, Articles.article("Refund secrets", "Draft about refunds.").add("slug", "secret"));

    assertEquals(List.of("Refunds", "Billing overview"), widgetTitles("refunds"), "a title match ranks first; drafts never match");
    assertEquals(List.of("Shipping labels"), widgetTitles("parcel"), "a word of the body");
    assertEquals(List.of("Shipping labels"), widgetTitles("print lab"), "the last word is a prefix, while typing");
    assertEquals(List.of("Refunds", "Billing overview"), widgetTitles("refu"));
    assertEquals(List.of(), widgetTitles("parcels of gold"));
    assertEquals(List.of(), widgetTitles("   "));
    assertEquals(List.of(), widgetTitles("<script>&|!:*'\"\\"), "query syntax is only text");

    JsonObject hit = widgetSearch("parcel").json().getJsonArray("data").getJsonObject(0);
    assertEquals("Print labels for every <mark>parcel</mark>", hit.getString("snippet_html"));
    assertEquals("Print labels for every parcel", hit.getString("snippet"));
    assertEquals(Api.BASE_URL + root + "en/labels", hit.getString("url"));

    Api.Reply page = page(root + "search?q=parc");
    assertEquals(200, page.status());
    assertTrue(page.body().contains("<p>Print labels for every <mark>parcel</mark></p>"), page.body());
    assertTrue(page.body().contains("<meta name=\"robots\" content=\"noindex\">"));
  }

  @Test
  void searchUsesEachArticlesLanguage() {
    Articles.published(owner.api(), appId, Articles.article("Les chevaux", "Nos chevaux mangent des pommes.").add("locale", "fr"));
    Articles.published(owner.api(), appId, Articles.article("Running shoes", "Our runners ran every day.").add("locale", "en"));

    assertEquals(List.of("Les chevaux"), widgetTitles("cheval"), "French stemming: cheval finds chevaux");
    assertEquals(List.of("Running shoes"), widgetTitles("runs"), "English stemming: runs finds running");
    Api.Reply french = Api.anonymous().get("/widget/v1/help/search?app_id=" + app.getString("app_key") + "&q=chev&locale=fr");
    assertEquals(1, french.json().getJsonArray("data").size());
    Api.Reply english = Api.anonymous().get("/widget/v1/help/search?app_id=" + app.getString("app_key") + "&q=chev&locale=en");
    assertEquals(0, english.json().getJsonArray("data").size());
  }

  @Test
  void theWidgetReadsPublishedArticlesOnly() {
    JsonObject live = Articles.published(owner.api(), appId, Articles.article("Live", "Visible **now**.").add("slug", "live"));
    JsonObject draft = Articles.created(owner.api(), appId, Articles.article("Draft", "Hidden").add("slug", "draft"));
    String key = app.getString("app_key");

    Api.Reply byId = Api.anonymous().get("/widget/v1/help/articles/" + live.getString("id") + "?app_id=" + key);
    assertEquals(200, byId.status(), byId::toString);
    assertEquals("<p>Visible <strong>now</strong>.</p>\n", byId.json().getString("body_html"));
    assertEquals(200, Api.anonymous().get("/widget/v1/help/articles/en/live?app_id=" + key).status());
    assertEquals(true, Api.anonymous().get("/widget/v1/help?app_id=" + key).json().getBoolean("available"));
    String framePolicy = Api.anonymous().get("/widget/v1/frame?app_id=" + key).header("Content-Security-Policy");
    assertTrue(framePolicy.contains("img-src 'self' data: https:;"), "articles' images show in the chat frame: " + framePolicy);

    assertProblem(Api.anonymous().get("/widget/v1/help/articles/" + draft.getString("id") + "?app_id=" + key), 404, "not_found");
    assertProblem(Api.anonymous().get("/widget/v1/help/articles/en/draft?app_id=" + key), 404, "not_found");
    assertProblem(Api.anonymous().get("/widget/v1/help/search?q=x&app_id=app_nope"), 404, "unknown_app");
    assertProblem(Api.anonymous().get("/widget/v1/help/search?q=x&limit=500&app_id=" + key), 422, "invalid_parameter");
    assertProblem(Api.anonymous().header("Origin", "https://evil.test").get("/widget/v1/help/search?q=x&app_id=" + key), 403,
        "origin_not_allowed");

    JsonObject otherApp = Widget.createApp(Organizations.signUp("Elsewhere").api(), "Other", false);
    assertProblem(Api.anonymous().get("/widget/v1/help/articles/" + live.getString("id") + "?app_id=" + otherApp.getString("app_key")),
        404, "not_found");
    assertEquals(List.of(), Api.anonymous().get("/widget/v1/help/search?q=visible&app_id=" + otherApp.getString("app_key")).json()
        .getJsonArray("data").getValuesAs(JsonObject.class), "another app's help center has none of them");
  }
}
