package io.convot.it.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.convot.it.support.Api;
import io.convot.it.support.Organizations;
import io.convot.it.support.Widget;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Message and conversation pages neither skip nor repeat while new rows arrive between reads. */
class ConversationPaginationIT {

  private final Organizations.Owner owner = Organizations.signUp("Paged Co");
  private final Widget widget = new Widget(Widget.createApp(owner.api(), "Paged", false).getString("app_key"));

  @Test
  void messagePagesStayConsistentWhileTheVisitorKeepsWriting() {
    String token = widget.session("");
    for (int i = 1; i <= 5; i++) {
      Widget.send(token, "message " + i);
    }
    String id = owner.api().get("/api/v1/conversations").json().getJsonArray("data").getJsonObject(0).getString("id");

    List<String> read = new ArrayList<>();
    String cursor = null;
    int written = 5;
    do {
      JsonObject page = owner.api().get("/api/v1/conversations/" + id + "/messages?limit=2" + (cursor == null ? "" : "&cursor=" + cursor)).json();
      page.getJsonArray("data").forEach(message -> read.add(message.asJsonObject().getString("text")));
      cursor = page.isNull("next_cursor") ? null : page.getString("next_cursor");
      if (written < 8) {
        Widget.send(token, "message " + ++written);
      }
    } while (cursor != null);

    List<String> expected = new ArrayList<>();
    for (int i = 1; i <= written; i++) {
      expected.add("message " + i);
    }
    assertEquals(expected, read);
  }

  @Test
  void conversationPagesNeitherSkipNorRepeat() {
    for (int i = 0; i < 5; i++) {
      Widget.send(widget.session(""), "visitor " + i);
    }
    LinkedHashSet<String> seen = new LinkedHashSet<>();
    int rows = 0;
    String cursor = null;
    do {
      Api.Reply reply = owner.api().get("/api/v1/conversations?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
      JsonObject page = reply.json();
      for (var conversation : page.getJsonArray("data")) {
        seen.add(conversation.asJsonObject().getString("id"));
        rows++;
      }
      cursor = page.isNull("next_cursor") ? null : page.getString("next_cursor");
      if (cursor != null) {
        Widget.send(widget.session(""), "arrived while paging");
      }
    } while (cursor != null);

    assertEquals(rows, seen.size(), "a conversation was listed twice");
    assertEquals(owner.api().get("/api/v1/conversations?limit=200").json().getJsonArray("data").size(), seen.size(),
        "every conversation created before the last page was read appears");
  }
}
