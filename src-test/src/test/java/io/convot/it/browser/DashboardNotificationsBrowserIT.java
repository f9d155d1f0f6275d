package io.convot.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Dashboard;
import io.convot.it.support.Organizations;
import io.convot.it.support.Receiver;
import io.convot.it.support.Team;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Settings › Notifications (a member's own mail preferences) and Settings › Channels (Slack and
 * Discord) in a real browser: preferences saved and shown again, a Discord channel added with a
 * real local receiver in Discord's place, its test message received, its URL never shown again,
 * the channel removed; an agent's view; axe-core on each page, screenshots saved.
 */
class DashboardNotificationsBrowserIT {

  private static final Duration SOON = Duration.ofSeconds(30);

  private final Organizations.Owner owner = Organizations.signUp("Notify Co");
  private Dashboard dashboard;
  private Receiver receiver;

  @AfterEach
  void close() {
    if (dashboard != null) {
      dashboard.close();
    }
    if (receiver != null) {
      receiver.close();
    }
  }

  @Test
  void aMemberChoosesWhatTheyAreMailedAbout() {
    dashboard = new Dashboard().signedIn(owner.token()).open("/settings/apps");
    dashboard.click("link", "Notifications");

    WebElement everyConversation = dashboard.find("radio", "Every new conversation");
    dashboard.waitFor().until(d -> everyConversation.isSelected());
    assertTrue(dashboard.find("radio", "In conversations assigned to me").isSelected());
    dashboard.assertAccessible("Settings › Notifications");
    dashboard.screenshot("notification-preferences");

    dashboard.click("radio", "No new conversations");
    dashboard.click("radio", "Assigned to me, and unassigned ones");
    dashboard.click("button", "Save preferences");
    dashboard.awaitStatus("Your notification preferences were saved.");

    JsonObject saved = owner.api().get("/api/v1/me/notifications").json();
    assertEquals("none", saved.getString("new_conversation"));
    assertEquals("all_unassigned", saved.getString("new_message"));

    dashboard.browser.navigate().refresh();
    WebElement none = dashboard.find("radio", "No new conversations");
    dashboard.waitFor().until(d -> none.isSelected());
    assertTrue(dashboard.find("radio", "Assigned to me, and unassigned ones").isSelected());
    assertFalse(dashboard.find("radio", "Every new conversation").isSelected());
  }

  @Test
  void anOwnerConnectsADiscordChannelTestsItAndRemovesIt() throws Exception {
    receiver = new Receiver();
    dashboard = new Dashboard().signedIn(owner.token()).open("/settings/apps");
    dashboard.click("link", "Channels");

    new Select(dashboard.find("combobox", "Service")).selectByVisibleText("Discord");
    dashboard.textbox("Incoming webhook URL").sendKeys(receiver.url());
    assertTrue(dashboard.find("checkbox", "A conversation started conversation.created").isSelected());
    dashboard.click("checkbox", "A conversation was resolved conversation.resolved");
    dashboard.click("button", "Add channel");
    dashboard.awaitStatus("The Discord channel was added.");

    List<JsonObject> channels = owner.api().get("/api/v1/notification-channels").json().getJsonArray("data").getValuesAs(JsonObject.class);
    assertEquals(1, channels.size());
    JsonObject channel = channels.get(0);
    assertEquals("discord", channel.getString("kind"));
    assertEquals(List.of("conversation.created", "message.received", "conversation.resolved"),
        channel.getJsonArray("events").getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
    WebElement table = dashboard.find("table", "Channels");
    assertTrue(table.getText().contains(channel.getString("url_hint")), table.getText());
    assertFalse(dashboard.browser.getPageSource().contains(receiver.url()), "the URL is shown after saving");
    assertEquals("", dashboard.textbox("Incoming webhook URL").getDomProperty("value"));

    String name = "Discord " + channel.getString("url_hint");
    dashboard.click("button", "Send a test message to " + name);
    dashboard.awaitStatus("A test message is on its way");
    Receiver.Request test = receiver.await(r -> true, 1, SOON).get(0);
    assertTrue(test.json().getString("content").startsWith("Convot test message"), test.body());
    dashboard.waitFor(30).withMessage("the test's outcome in the list")
        .until(d -> dashboard.find("table", "Channels").getText().contains("Last post: delivered (200)"));
    dashboard.assertAccessible("Settings › Channels with a channel");
    dashboard.screenshot("notification-channels");

    dashboard.click("button", "Remove " + name);
    dashboard.click("button", "Remove channel");
    dashboard.awaitStatus("The Discord channel was removed.");
    assertEquals(0, owner.api().get("/api/v1/notification-channels").json().getJsonArray("data").size());
  }

  @Test
  void anAgentHasPreferencesButNoChannels() {
    Team.Joined agent = Team.join(owner, "agent");
    dashboard = new Dashboard().signedIn(agent.token()).open("/settings/channels");
    dashboard.waitFor().until(d -> d.getPageSource().contains("Only owners and admins can see and add channels."));
    dashboard.open("/settings/notifications");
    dashboard.click("radio", "No new messages");
    dashboard.click("button", "Save preferences");
    dashboard.awaitStatus("Your notification preferences were saved.");
    assertEquals("none", agent.api().get("/api/v1/me/notifications").json().getString("new_message"));
    assertEquals("assigned", owner.api().get("/api/v1/me/notifications").json().getString("new_message"));
  }
}
