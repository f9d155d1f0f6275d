package io.convot.it.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.convot.it.support.Organizations;
import io.convot.it.support.Widget;
import jakarta.json.JsonObject;
import java.util.ArrayList;
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
  void conversationPagesNeitherSkipNorRepeatWhileNewOnesArriveAboveThem() {
    for (int i = 0; i < 5; i++) {
      Widget.send(widget.session(""), "visitor " + i);
    }
    List<String> before = ids(owner.api().get("/api/v1/conversations?limit=200").json());
    List<String> read = new ArrayList<>();
    int arrived = 0;
    String cursor = null;
    do {
      JsonObject page = owner.api().get("/api/v1/conversations?limit=2" + (cursor == null ? "" : "&cursor=" + cursor)).json();
      read.addAll(ids(page));
      cursor = page.isNull("next_cursor") ? null : page.getString("next_cursor");
      if (cursor != null) {
        Widget.send(widget.session(""), "arrived while paging");
        arrived++;
      }
    } while (cursor != null);

    assertEquals(before, read, "newest activity first, each once");
    List<String> after = ids(owner.api().get("/api/v1/conversations?limit=200").json());
    assertEquals(before, after.subList(arrived, after.size()), "what arrived meanwhile is above the first page");
  }

  private static List<String> ids(JsonObject page) {
    return page.getJsonArray("data").stream().map(conversation -> conversation.asJsonObject().getString("id")).toList();
  }
}
