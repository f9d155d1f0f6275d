package io.convot.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

class CrispMessageTest {

  private static CrispMessage message(String type, String from, JsonValue content) {
    JsonObject json = Json.createObjectBuilder().add("type", type).add("from", from).add("content", content)
        .add("fingerprint", 42).add("timestamp", 1_700_000_000_000L)
        .add("user", Json.createObjectBuilder().add("nickname", "Ann")).build();
    return CrispMessage.of(json);
  }

  @Test
  void textIsKeptAsItIsMarkupIncluded() {
    CrispMessage text = message("text", "user", Json.createValue("Hi <b>there</b>"));
    assertEquals("Hi <b>there</b>", text.text());
    assertFalse(text.fromAgent());
    assertEquals("42", text.sourceKey());
  }

  @Test
  void aNoteIsAnAgentsPrivateNoteWhoeverCrispSaysWroteIt() {
    CrispMessage note = message("note", "user", Json.createValue("check the warehouse"));
    assertTrue(note.isNote());
    assertTrue(note.fromAgent());
    assertEquals("check the warehouse", note.text());
  }

  @Test
  void otherTypesBecomeReadableLines() {
    assertEquals("[file] invoice.pdf", message("file", "user", Json.createObjectBuilder().add("name", "invoice.pdf")
        .add("url", "https://files.example/invoice.pdf").build()).text());
    assertEquals("[animation] https://gifs.example/ok.gif", message("animation", "operator",
        Json.createObjectBuilder().add("url", "https://gifs.example/ok.gif").build()).text());
    assertEquals("[picker] Rate us: Good (chosen), Bad", message("picker", "operator", Json.createObjectBuilder().add("text", "Rate us")
        .add("choices", Json.createArrayBuilder().add(Json.createObjectBuilder().add("label", "Good").add("selected", true))
            .add(Json.createObjectBuilder().add("label", "Bad"))).build()).text());
    assertEquals("[field] Your email?: ann@example.test", message("field", "user", Json.createObjectBuilder()
        .add("text", "Your email?").add("value", "ann@example.test").build()).text());
    assertEquals("[event] Resolved: state:resolved", message("event", "user", Json.createObjectBuilder()
        .add("namespace", "state:resolved").add("text", "Resolved").build()).text());
    assertEquals("[carousel]", message("carousel", "operator", JsonValue.EMPTY_JSON_OBJECT).text());
    assertEquals("[hologram] {\"x\":1}", message("hologram", "user", Json.createObjectBuilder().add("x", 1).build()).text());
  }

  @Test
  void anEmptyTextIsNothingToKeepAndALongOneIsCutAtTheLimit() {
    assertNull(message("text", "user", Json.createValue("   ")).text());
    assertNull(message("text", "user", JsonValue.NULL).text());
    assertEquals(CrispMessage.MAX_TEXT, message("text", "user", Json.createValue("x".repeat(20_000))).text().length());
    String emoji = "x".repeat(CrispMessage.MAX_TEXT - 1) + "\uD83D\uDE00";
    assertEquals(CrispMessage.MAX_TEXT - 1, message("text", "user", Json.createValue(emoji)).text().length(), "a surrogate pair is never split");
  }
}
