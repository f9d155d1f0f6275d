package io.convot.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.common.JsonText;
import jakarta.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ChannelPayloadsTest {

  private static final String LINK = "https://convot.test/app/#/inbox/open/1";
  private static final Instant AT = Instant.parse("2026-12-07T10:15:30Z");
  private static final String VISITOR = "<!channel> *bold* & <https://evil.test|click> @everyone";

  @Test
  void slackTextIsEscapedAndVerbatim() {
    JsonObject post = JsonText.readObject(ChannelPayloads.post(NotificationChannel.Kind.slack, "New message from %s in %s",
        new String[] {"Eve <eve@x.test>", "Shop & Co"}, VISITOR, LINK, "Shop & Co", AT));
    assertEquals("New message from Eve &lt;eve@x.test&gt; in Shop &amp; Co: &lt;!channel&gt; *bold* &amp; &lt;https://evil.test|click&gt; @everyone",
        post.getString("text"));
    assertEquals("New message from *Eve &lt;eve@x.test&gt;* in *Shop &amp; Co*",
        post.getJsonArray("blocks").getJsonObject(0).getJsonObject("text").getString("text"));
    assertFalse(post.toString().contains("<!channel>"));
    post.getJsonArray("blocks").getValuesAs(JsonObject.class).stream().filter(b -> b.containsKey("text"))
        .forEach(b -> assertTrue(b.getJsonObject("text").getBoolean("verbatim")));
  }

  @Test
  void discordParsesNoMentionAndShowsMarkdownAsTyped() {
    JsonObject post = JsonText.readObject(ChannelPayloads.post(NotificationChannel.Kind.discord, "New message from %s in %s",
        new String[] {"**Eve**", "Shop"}, "@everyone `code` ~~gone~~ > quote", LINK, "Shop", AT));
    assertEquals(0, post.getJsonObject("allowed_mentions").getJsonArray("parse").size());
    assertEquals("New message from **\\*\\*Eve\\*\\*** in **Shop**", post.getString("content"));
    JsonObject embed = post.getJsonArray("embeds").getJsonObject(0);
    assertEquals("@everyone \\`code\\` \\~\\~gone\\~\\~ \\> quote", embed.getString("description"));
    assertEquals(LINK, embed.getString("url"));
    assertEquals("2026-12-07T10:15:30Z", embed.getString("timestamp"));
  }

  @Test
  void longTextIsCut() {
    String text = "x".repeat(5000);
    JsonObject post = JsonText.readObject(ChannelPayloads.post(NotificationChannel.Kind.discord, "%s", new String[] {"a"}, text, LINK, "S", AT));
    String description = post.getJsonArray("embeds").getJsonObject(0).getString("description");
    assertEquals(ChannelPayloads.MAX_TEXT, description.codePointCount(0, description.length()));
    assertTrue(description.endsWith("…"));
  }

  @Test
  void theUrlHintShowsHostAndLastFourCharactersOnly() {
    assertEquals("https://hooks.slack.com/…XyZ9", NotificationChannel.hint("https://hooks.slack.com/services/T000/B000/secretXyZ9"));
    assertEquals("http://127.0.0.1:4567/…ooks", NotificationChannel.hint("http://127.0.0.1:4567/hooks"));
  }
}
