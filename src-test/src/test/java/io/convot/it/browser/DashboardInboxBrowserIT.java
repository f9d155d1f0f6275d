package io.convot.it.browser;

import static io.convot.it.browser.InboxFixtures.conversation;
import static io.convot.it.browser.InboxFixtures.event;
import static io.convot.it.browser.InboxFixtures.say;
import static io.convot.it.browser.InboxFixtures.seenInList;
import static io.convot.it.browser.InboxFixtures.visitor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Api;
import io.convot.it.support.Browser;
import io.convot.it.support.Dashboard;
import io.convot.it.support.Eventually;
import io.convot.it.support.HostPage;
import io.convot.it.support.Organizations;
import io.convot.it.support.TcpProxy;
import io.convot.it.support.Team;
import io.convot.it.support.Widget;
import io.convot.it.support.partner.PartnerApiSimulator;
import io.convot.it.support.partner.PartnerOrganization;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The inbox in a real browser against a real server: a visitor writes from the widget on a host
 * page, the agent sees it live, reads the contact, answers, writes notes the visitor never gets,
 * assigns, resolves and reopens; the list follows live updates and catches up after a cut
 * connection; revenue stays with those allowed to see it; everything a visitor types is text.
 */
class DashboardInboxBrowserIT {

  private static final Duration LIVE = Duration.ofSeconds(10);
  private final Deque<AutoCloseable> opened = new ArrayDeque<>();

  @AfterEach
  void closeEverything() throws Exception {
    while (!opened.isEmpty()) {
      opened.pop().close();
    }
  }

  private <T extends AutoCloseable> T open(T closeable) {
    opened.push(closeable);
    return closeable;
  }

  private ChromeDriver visitorBrowser() {
    ChromeDriver browser = Browser.start();
    open(browser::quit);
    return browser;
  }

  private static String hostPage(String appKey) {
    return """
        <!doctype html>
        <html><head><meta charset="utf-8"><title>Acme admin</title>
        <script>
          window.Convot = window.Convot || [];
          Convot.app_id = "%s";
          Convot.push(["set", "user:email", ["mia@shop.test"]]);
          Convot.push(["set", "user:nickname", ["Mia"]]);
          Convot.push(["set", "session:data", [[["plan", "pro"], ["seats", 3]]]]);
          Convot.push(["set", "session:segments", [["vip", "beta"]]]);
          Convot.push(["set", "session:event", [[["plan_upgraded", {"to": "pro"}, "green"]]]]);
        </script>
        <script async src="%s/widget/v1/loader.js"></script>
        </head>
        <body><h1>Acme orders</h1></body></html>
        """.formatted(appKey, Api.BASE_URL);
  }

  @Test
  void anOwnerAnswersAVisitorFromTheInboxAsItHappens() throws Exception {
    HostPage host = open(new HostPage());
    Dashboard agent = open(new Dashboard());
    agent.open("/signup");
    agent.textbox("Company").sendKeys("Inbox Co");
    agent.textbox("Your name").sendKeys("Ann Agent");
    agent.textbox("Email").sendKeys(Organizations.uniqueEmail("ann"));
    agent.textbox("Password").sendKeys(Organizations.PASSWORD);
    agent.click("button", "Create account");
    agent.find("list", "Conversations");
    Api api = Api.withToken((String) agent.browser.executeScript("return localStorage.getItem('convot.token');"));
    String memberId = api.get("/api/v1/me").json().getJsonObject("member").getString("id");
    JsonObject app = api.post("/api/v1/apps", Json.createObjectBuilder().add("name", "Acme Orders")
        .add("allowed_origins", Json.createArrayBuilder().add(host.origin()).add(Widget.HOST_ORIGIN)).build().toString()).json();
    host.show(hostPage(app.getString("app_key")));
    agent.browser.executeScript("window.__alerts = []; window.alert = (m) => window.__alerts.push(String(m));");

    ChromeDriver visitor = visitorBrowser();
    visitor.get(host.origin() + "/");
    Browser.waitUpTo(visitor, 20).until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.cssSelector("iframe[title='Chat']")));
    Browser.waitUpTo(visitor, 20).until(ExpectedConditions.elementToBeClickable(By.id("launcher"))).click();
    // The widget has started its session and sent the page's data and event: from now on a send is just a send.
    Eventually.await(() -> api.get("/api/v1/contacts?app_id=" + app.getString("id")).json().getJsonArray("data"),
        contacts -> contacts.size() == 1 && !api.get("/api/v1/contacts/" + contacts.getJsonObject(0).getString("id") + "/events")
            .json().getJsonArray("data").isEmpty(), LIVE, "the widget's session with its event");
    String question = "Where is my payout report?";
    InboxFixtures.watch(agent, question);
    long sentAt = visitorWrites(visitor, question);

    long latency = seenInList(agent, question, LIVE) - sentAt;
    Object post = visitor.executeScript("const sent = performance.getEntriesByType('resource')"
        + ".filter((e) => e.name.includes('/widget/v1/messages')).pop();"
        + "return sent && [Math.round(performance.timeOrigin + sent.startTime) - arguments[0],"
        + " Math.round(performance.timeOrigin + sent.responseEnd) - arguments[0]];", sentAt);
    System.out.println("inbox: the visitor's message showed in the open inbox " + latency + " ms after the send"
        + " (the widget's POST ran from +" + post + " ms)");
    assertTrue(latency <= 1000, "the message took " + latency + " ms to show in the inbox");

    conversationLink(agent, question).click();
    WebElement history = agent.find("log", "Messages");
    awaitText(() -> history.getText(), question, "the question in the history");
    String sidebar = awaitText(() -> agent.find("complementary", "Contact").getText(), "plan_upgraded", "the event in the sidebar");
    for (String expected : List.of("Mia", "mia@shop.test", "plan", "pro", "seats", "3", "vip", "beta", "Unverified")) {
      assertTrue(sidebar.contains(expected), () -> "the sidebar lacks '" + expected + "': " + sidebar);
    }
    String conversationId = agent.browser.getCurrentUrl().replaceAll(".*/", "");
    String sessionToken = (String) visitor.executeScript(
        "return JSON.parse(localStorage.getItem('convot:' + arguments[0])).token;", app.getString("app_key"));

    // Typing, both ways.
    // The widget tells at most every 3 s that its visitor types: keep typing until the agent sees it.
    WebElement box = visitor.findElement(By.id("text"));
    Eventually.await(() -> {
      box.sendKeys(".");
      return agent.browser.findElement(By.tagName("main")).getText();
    }, shown -> shown.contains("Mia is typing…"), LIVE, "the visitor's typing in the dashboard");
    box.clear();
    agent.textbox("Reply").sendKeys("Let me check");
    Browser.waitUpTo(visitor, 10).until(ExpectedConditions.visibilityOfElementLocated(By.id("typing")));
    agent.textbox("Reply").clear();

    String answer = "Under Finances > Payouts.";
    agent.textbox("Reply").sendKeys(answer, Keys.ENTER);
    Browser.waitUpTo(visitor, 15).until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//ol[@id='log']/li[contains(@class,'agent')][contains(., 'Under Finances > Payouts.')]")));
    awaitText(history::getText, answer, "the answer in the history");

    // A private note stays with the team: written after it, a reply reaches the visitor, the note never does.
    String note = "Refund approved internally, do not promise a date";
    agent.find("checkbox", "Private note").click();
    agent.textbox("Reply").sendKeys(note);
    agent.click("button", "Send");
    awaitText(history::getText, note, "the note in the history");
    agent.find("checkbox", "Private note").click();
    String after = "Anything else I can help with?";
    agent.textbox("Reply").sendKeys(after, Keys.ENTER);
    Browser.waitUpTo(visitor, 15).until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//ol[@id='log']/li[contains(., 'Anything else I can help with?')]")));
    assertFalse(visitor.findElement(By.tagName("body")).getText().contains(note), "the widget shows the note");
    assertFalse(((String) visitor.executeScript("return document.documentElement.outerHTML;")).contains("Refund approved"),
        "the note is in the widget's page");
    List<JsonObject> visible = InboxFixtures.visitorHistory(sessionToken);
    assertTrue(visible.stream().anyMatch(m -> after.equals(m.getString("text", null))), visible::toString);
    assertTrue(visible.stream().noneMatch(m -> m.toString().contains("Refund approved")), visible::toString);
    assertTrue(InboxFixtures.messages(api, conversationId).toString().contains(note), "the note is kept for the team");

    // Assign, resolve, reopen: in the page and in the API.
    agent.click("button", "Assign to me");
    awaitText(() -> agent.browser.findElement(By.tagName("main")).getText(), "Assigned to you", "the assignment shown");
    assertEquals(memberId, conversation(api, conversationId).getString("assignee_id"));
    agent.click("button", "Resolve");
    agent.find("button", "Reopen");
    assertEquals("resolved", conversation(api, conversationId).getString("status"));
    Eventually.await(() -> agent.find("list", "Conversations").getText(), text -> !text.contains("Mia"), LIVE,
        "the resolved conversation leaving the open list");
    agent.click("button", "Reopen");
    agent.find("button", "Resolve");
    assertEquals("open", conversation(api, conversationId).getString("status"));
    awaitText(() -> agent.find("list", "Conversations").getText(), "Mia", "the reopened conversation back in the open list");

    // A visitor's markup is text.
    String markup = "<img src=x onerror=alert(1)>";
    visitorWrites(visitor, markup);
    awaitText(history::getText, markup, "the markup shown as text in the history");
    awaitText(() -> agent.find("list", "Conversations").getText(), markup, "the markup shown as text in the list");
    assertEquals(0L, agent.browser.executeScript("return document.querySelectorAll('img').length;"));
    assertEquals(List.of(), agent.browser.executeScript("return window.__alerts;"));
    assertNoAlert(agent.browser);
  }

  @Test
  void theInboxShowsWhatWasWrittenWhileItsConnectionWasCut() throws Exception {
    Organizations.Owner owner = Organizations.signUp("Cut Co");
    JsonObject app = Widget.createApp(owner.api(), "Cut app", false);
    Widget widget = new Widget(app.getString("app_key"));
    String lee = visitor(widget, "Lee", "lee@shop.test", Map.of(), List.of());
    String conversationId = say(lee, "Is anyone there?").getString("conversation_id");

    TcpProxy proxy = open(new TcpProxy(Api.BASE_URL));
    Dashboard agent = open(new Dashboard(proxy.baseUrl())).signedIn(owner.token());
    agent.open("/inbox/open/" + conversationId);
    WebElement history = agent.find("log", "Messages");
    awaitText(history::getText, "Is anyone there?", "the first message");
    agent.browser.executeScript("window.__sameDocument = true;");

    proxy.cut();
    awaitText(() -> agent.browser.findElement(By.tagName("header")).getText(), "Reconnecting…", "the dashboard noticing the cut");
    say(lee, "Hello? Written while the agent was cut off");
    owner.api().post("/api/v1/conversations/" + conversationId + "/messages", "{\"text\": \"A teammate answered meanwhile\"}");
    String noor = visitor(widget, "Noor", "noor@shop.test", Map.of(), List.of());
    say(noor, "A new conversation started during the cut");
    say(lee, "Last one before it came back");
    proxy.restore();

    Duration reconnect = Duration.ofSeconds(40); // the socket retries 1, 2, 4, 8, 15 s apart
    awaitText(history::getText, "Last one before it came back", "the messages written meanwhile");
    String shown = history.getText();
    for (String expected : List.of("Hello? Written while the agent was cut off", "A teammate answered meanwhile")) {
      assertTrue(shown.contains(expected), () -> "missing '" + expected + "': " + shown);
    }
    Eventually.await(() -> agent.find("list", "Conversations").getText(),
        list -> list.contains("Noor") && list.contains("Last one before it came back"), reconnect, "the list catching up");
    assertEquals(Boolean.TRUE, agent.browser.executeScript("return window.__sameDocument === true;"), "the page was reloaded");
  }

  @Test
  void aMemberWithoutRevenueAccessSeesTheShopButNotItsRevenue() {
    Organizations.Owner owner = Organizations.signUp("Revenue sidebar");
    long shopifyApp = ThreadLocalRandom.current().nextLong(1_000, 9_000_000);
    Api.Reply created = owner.api().post("/api/v1/apps", Json.createObjectBuilder().add("name", "Sidebar app")
        .add("allowed_origins", Json.createArrayBuilder().add(Widget.HOST_ORIGIN))
        .add("shopify_app_id", "gid://partners/App/" + shopifyApp).build().toString());
    assertEquals(201, created.status(), created::toString);
    String partnerToken = "prtapi_" + UUID.randomUUID().toString().replace("-", "");
    PartnerOrganization partner = PartnerApiSimulator.get().organization().token(partnerToken, true).app(shopifyApp);
    String shop = "sidebar-" + shopifyApp + ".myshopify.com";
    Instant installedAt = Instant.now().minus(40, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    partner.event(shopifyApp, PartnerOrganization.installed(shop, "Sidebar Shop", installedAt));
    partner.event(shopifyApp, PartnerOrganization.charge("SUBSCRIPTION_CHARGE_ACTIVATED", shop, "Sidebar Shop", installedAt,
        "gid://shopify/AppSubscription/77", "Pro", "49.00"));
    partner.transaction(shopifyApp, PartnerOrganization.sale("AppSubscriptionSale", "gid://partners/AppSubscriptionSale/77", shop,
        "Sidebar Shop", installedAt.plus(1, ChronoUnit.DAYS), "gid://shopify/AppSubscription/77", "EVERY_30_DAYS", "49.00", "39.20"));
    Api.Reply connected = owner.api().send("PUT", "/api/v1/integrations/shopify", Json.createObjectBuilder()
        .add("partner_organization_id", partner.id()).add("access_token", partnerToken).build().toString());
    assertEquals(200, connected.status(), connected::toString);
    Eventually.await(() -> owner.api().get("/api/v1/integrations/shopify").json(), status -> !status.isNull("last_sync_at"),
        Duration.ofSeconds(30), "the first Shopify sync");

    String merchant = visitor(new Widget(created.json().getString("app_key")), "Sam", "sam@sidebar.test", Map.of("shop", shop), List.of());
    String conversationId = say(merchant, "Can I change my plan?").getString("conversation_id");
    Team.Joined agentWithout = Team.join(owner, "agent");

    Dashboard dashboard = open(new Dashboard()).signedIn(agentWithout.token());
    dashboard.open("/inbox/open/" + conversationId);
    String limited = awaitText(() -> dashboard.find("complementary", "Contact").getText(), "Churn risk", "the shop block");
    assertTrue(limited.contains("Sidebar Shop") && limited.contains("Pro") && limited.contains("low"), limited);
    for (String secret : List.of("MRR", "Lifetime revenue", "49.00", "39.20")) {
      assertFalse(limited.contains(secret), () -> "an agent without revenue access sees '" + secret + "': " + limited);
    }

    dashboard.signedIn(owner.token());
    dashboard.open("/inbox/open/" + conversationId);
    String full = awaitText(() -> dashboard.find("complementary", "Contact").getText(), "Lifetime revenue", "the owner's revenue");
    assertTrue(full.contains("MRR") && full.contains("49.00") && full.contains("39.20"), full);
  }

  @Test
  void theInboxAndAConversationAreAccessibleAndLookRight() {
    Organizations.Owner owner = Organizations.signUp("Acme Apps");
    Team.Joined teammate = Team.join(owner, "agent");
    JsonObject orders = Widget.createApp(owner.api(), "Acme Orders", false);
    Widget.createApp(owner.api(), "Acme Reviews", false);
    Widget widget = new Widget(orders.getString("app_key"));
    String[][] people = {
        {"Olivia Park", "olivia@northwind.test", "Can I export last month's orders as CSV?"},
        {"Marcus Chen", "marcus@bluebird.test", "The sync stopped after I changed my plan"},
        {"Priya Shah", "priya@fernhill.test", "Thanks, that fixed it!"},
        {"Tom Becker", "tom@copperpot.test", "Do you support multiple currencies?"},
    };
    for (String[] person : people) {
      say(visitor(widget, person[0], person[1], Map.of(), List.of()), person[2]);
    }
    String mia = visitor(widget, "Mia Rossi", "mia@lumen.test", Map.of("plan", "Growth", "seats", 12, "shop", "lumen.myshopify.com"),
        List.of("vip", "beta"));
    event(mia, "plan_upgraded", Json.createObjectBuilder().add("to", "Growth").build(), "green");
    event(mia, "invoice_paid", Json.createObjectBuilder().add("amount", "49.00").build(), "blue");
    String conversationId = say(mia, "Hi! Where can I find the payout report for last month?").getString("conversation_id");
    String path = "/api/v1/conversations/" + conversationId + "/messages";
    owner.api().post(path, "{\"text\": \"Hi Mia, it is under Finances > Payouts. Which month do you need?\"}");
    owner.api().post(path, "{\"text\": \"Growth plan, asked twice about payouts: maybe add this to the FAQ\", \"private\": true}");
    String oops = say(mia, "October, please. Also my card number is 4242...").getString("id");
    say(mia, "Sorry, ignore that last message.");

    Dashboard dashboard = open(new Dashboard()).signedIn(owner.token());
    dashboard.open("/inbox/open");
    awaitText(() -> dashboard.find("list", "Conversations").getText(), "Mia Rossi", "the conversations");
    dashboard.assertAccessible("the inbox");
    dashboard.screenshot("inbox");

    Api.Reply listed = owner.api().get("/api/v1/conversations?contact_id=" + conversation(owner.api(), conversationId).getString("contact_id"));
    assertEquals(1, listed.json().getJsonArray("data").size(), listed::toString);
    conversationLink(dashboard, "Mia Rossi").click();
    WebElement history = dashboard.find("log", "Messages");
    awaitText(history::getText, "Sorry, ignore that last message.", "the history");
    awaitText(() -> dashboard.find("complementary", "Contact").getText(), "invoice_paid", "the sidebar");
    dashboard.assertAccessible("a conversation");

    // Delete a message, after confirming.
    WebElement message = history.findElements(By.tagName("li")).stream().filter(li -> li.getText().contains("4242")).findFirst().orElseThrow();
    new Actions(dashboard.browser).moveToElement(message).perform();
    message.findElement(By.tagName("button")).click();
    WebElement dialog = dashboard.find("dialog", "Delete this message?");
    dialog.findElements(By.tagName("button")).stream().filter(b -> b.getText().equals("Delete")).findFirst().orElseThrow().click();
    awaitText(history::getText, "This message was deleted", "the deleted message's place");
    assertFalse(history.getText().contains("4242"));
    Eventually.await(() -> InboxFixtures.messages(owner.api(), conversationId).toString(), json -> !json.contains("4242"), LIVE,
        "the deletion in the API");
    assertTrue(InboxFixtures.messages(owner.api(), conversationId).stream().map(JsonObject.class::cast)
        .anyMatch(m -> m.getString("id").equals(oops) && !m.isNull("deleted_at")));

    // Assign to a teammate from the menu.
    new Select(dashboard.find("combobox", "Assignee")).selectByVisibleText("A agent");
    awaitText(() -> dashboard.browser.findElement(By.tagName("main")).getText(), "Assigned to A agent", "the assignment");
    Eventually.await(() -> conversation(owner.api(), conversationId), c -> teammate.memberId().equals(c.getString("assignee_id", null)),
        LIVE, "the assignment in the API");
    new Actions(dashboard.browser).moveToElement(dashboard.find("list", "Conversations")).perform();
    dashboard.screenshot("conversation");
  }

  @Test
  void theListLoadsMoreOnScrollAndNewMessagesMoveToTheTop() {
    Organizations.Owner owner = Organizations.signUp("Busy Co");
    Widget widget = new Widget(Widget.createApp(owner.api(), "Busy app", false).getString("app_key"));
    String first = visitor(widget, "Visitor 0", "visitor0@busy.test", Map.of(), List.of());
    say(first, "Message of visitor 0");
    for (int i = 1; i < 35; i++) {
      say(visitor(widget, "Visitor " + i, "visitor" + i + "@busy.test", Map.of(), List.of()), "Message of visitor " + i);
    }

    Dashboard dashboard = open(new Dashboard()).signedIn(owner.token());
    dashboard.open("/inbox/open");
    WebElement list = dashboard.find("list", "Conversations");
    Eventually.await(() -> links(list).size(), n -> n >= 30, LIVE, "the first page");
    List<WebElement> firstPage = links(list);
    dashboard.browser.executeScript("arguments[0].scrollIntoView();", firstPage.get(firstPage.size() - 1));
    Eventually.await(() -> links(list).size(), n -> n == 35, LIVE, "every conversation after scrolling");

    InboxFixtures.watch(dashboard, "Visitor 0 is back");
    say(first, "Visitor 0 is back");
    seenInList(dashboard, "Visitor 0 is back", LIVE);
    assertTrue(links(list).get(0).getText().contains("Visitor 0 is back"), () -> links(list).get(0).getText());
    assertEquals(35, links(list).size());
  }

  @Test
  void eachViewAndTheRememberedAppPickerShowTheirConversations() {
    Organizations.Owner owner = Organizations.signUp("Views Co");
    JsonObject orders = Widget.createApp(owner.api(), "Orders", false);
    JsonObject reviews = Widget.createApp(owner.api(), "Reviews", false);
    Widget widget = new Widget(orders.getString("app_key"));
    String mine = say(visitor(widget, "Mina Mine", "mina@views.test", Map.of(), List.of()), "Assigned to the owner").getString("conversation_id");
    say(visitor(widget, "Umar Unassigned", "umar@views.test", Map.of(), List.of()), "Nobody has this one");
    String done = say(visitor(widget, "Rita Resolved", "rita@views.test", Map.of(), List.of()), "All sorted").getString("conversation_id");
    say(visitor(new Widget(reviews.getString("app_key")), "Otto Other", "otto@views.test", Map.of(), List.of()), "About reviews");
    assertEquals(200, owner.api().post("/api/v1/conversations/" + mine + "/assign", "{\"member_id\": \"" + owner.memberId() + "\"}").status());
    assertEquals(200, owner.api().post("/api/v1/conversations/" + done + "/resolve", "").status());

    Dashboard dashboard = open(new Dashboard()).signedIn(owner.token());
    dashboard.open("/inbox/open");
    Map<String, List<String>> expected = Map.of(
        "Open", List.of("Mina Mine", "Umar Unassigned", "Otto Other"),
        "Mine", List.of("Mina Mine"),
        "Unassigned", List.of("Umar Unassigned", "Otto Other"),
        "Resolved", List.of("Rita Resolved"));
    List<String> everyone = List.of("Mina Mine", "Umar Unassigned", "Rita Resolved", "Otto Other");
    for (String view : List.of("Open", "Mine", "Unassigned", "Resolved")) {
      dashboard.click("link", view);
      String shown = Eventually.await(() -> dashboard.find("list", "Conversations").getText(),
          text -> expected.get(view).stream().allMatch(text::contains)
              && everyone.stream().filter(name -> !expected.get(view).contains(name)).noneMatch(text::contains),
          LIVE, "the " + view + " view");
      assertEquals(expected.get(view).size(), links(dashboard.find("list", "Conversations")).size(), shown);
    }

    dashboard.click("link", "Open");
    new Select(dashboard.find("combobox", "App")).selectByVisibleText("Reviews");
    Eventually.await(() -> dashboard.find("list", "Conversations").getText(),
        text -> text.contains("Otto Other") && !text.contains("Umar Unassigned"), LIVE, "the Reviews app's conversations");
    dashboard.browser.navigate().refresh();
    Eventually.await(() -> new Select(dashboard.find("combobox", "App")).getFirstSelectedOption().getText(), "Reviews"::equals, LIVE,
        "the remembered app picked");
    Eventually.await(() -> dashboard.find("list", "Conversations").getText(),
        text -> text.contains("Otto Other") && !text.contains("Mina Mine"), LIVE, "the remembered app's conversations");
  }

  @Test
  void unreadCountsAndTheTabTitleFollowTheInbox() {
    Organizations.Owner owner = Organizations.signUp("Unread Co");
    Widget widget = new Widget(Widget.createApp(owner.api(), "Unread app", false).getString("app_key"));
    String ada = visitor(widget, "Ada", "ada@unread.test", Map.of(), List.of());
    String adaConversation = say(ada, "First question from Ada").getString("conversation_id");
    say(visitor(widget, "Ben", "ben@unread.test", Map.of(), List.of()), "Hello from Ben");

    Dashboard dashboard = open(new Dashboard()).signedIn(owner.token());
    dashboard.open("/inbox/open");
    awaitTitle(dashboard, "(2) Inbox · Convot");
    awaitText(() -> dashboard.find("link", "Open").getText(), "2", "the open view's count");
    awaitText(() -> dashboard.browser.findElement(By.tagName("main")).getText(), "2 unread", "the unread conversations");

    say(ada, "Second question from Ada");
    Eventually.await(() -> conversationLink(dashboard, "Second question from Ada").getAccessibleName(),
        name -> name.contains("2 unread"), LIVE, "Ada's two unread messages");

    conversationLink(dashboard, "Ada").click();
    awaitText(dashboard.find("log", "Messages")::getText, "Second question from Ada", "Ada's conversation");
    Eventually.await(() -> unread(owner, adaConversation), n -> n == 0, LIVE, "Ada's conversation read");
    Eventually.await(() -> conversationLink(dashboard, "Ada").getAccessibleName(), name -> !name.contains("unread"), LIVE,
        "Ada's unread count gone");
    awaitText(() -> dashboard.browser.findElement(By.tagName("main")).getText(), "1 unread", "Ben's conversation still unread");
    dashboard.click("button", "Assign to me");
    awaitText(() -> dashboard.browser.findElement(By.tagName("main")).getText(), "Assigned to you", "the assignment");
    assertFalse(conversationLink(dashboard, "Ada").getAccessibleName().contains("unread"), "a change brought the unread count back");

    dashboard.textbox("Reply").sendKeys("Here is your answer, Ada", Keys.ENTER);
    awaitTitle(dashboard, "(1) Inbox · Convot");

    // Written while her conversation is open and shown: read at once.
    say(ada, "Thanks!");
    awaitText(dashboard.find("log", "Messages")::getText, "Thanks!", "Ada's thanks");
    Eventually.await(() -> unread(owner, adaConversation), n -> n == 0, LIVE, "Ada's thanks read");
    awaitTitle(dashboard, "(2) Inbox · Convot");
  }

  private static int unread(Organizations.Owner owner, String conversationId) {
    return conversation(owner.api(), conversationId).getInt("unread_count");
  }

  private static void awaitTitle(Dashboard dashboard, String title) {
    Eventually.await(dashboard.browser::getTitle, title::equals, LIVE, "the tab title '" + title + "'");
  }

  private static List<WebElement> links(WebElement list) {
    return list.findElements(By.tagName("a"));
  }

  /** The visitor types {@code text} in the widget and sends it; returns when the send was clicked (epoch ms). */
  private static long visitorWrites(ChromeDriver visitor, String text) {
    WebElement box = Browser.waitUpTo(visitor, 10).until(ExpectedConditions.visibilityOfElementLocated(By.id("text")));
    box.sendKeys(text);
    long at = System.currentTimeMillis();
    visitor.findElement(By.id("send")).click();
    return at;
  }

  private static WebElement conversationLink(Dashboard dashboard, String text) {
    return dashboard.waitFor().withMessage(() -> "no conversation showing '" + text + "'").until(d ->
        links(dashboard.find("list", "Conversations")).stream().filter(a -> a.getText().contains(text)).findFirst().orElse(null));
  }

  private static String awaitText(Supplier<String> text, String expected, String what) {
    return Eventually.await(text, shown -> shown != null && shown.contains(expected), LIVE, what);
  }

  private static void assertNoAlert(ChromeDriver browser) {
    try {
      browser.switchTo().alert();
      throw new AssertionError("an alert is open");
    } catch (NoAlertPresentException expected) {
      // nothing ran
    }
  }
}
