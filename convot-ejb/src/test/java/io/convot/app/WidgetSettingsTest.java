package io.convot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.common.ConvotException;
import io.convot.common.JsonText;
import io.convot.common.Validation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules of widget settings that need no server: contrast, locale fallback, merging, countries. */
class WidgetSettingsTest {

  @Test
  void contrastIsWcagsRatio() {
    assertEquals(21.0, WidgetSettings.contrast("#000000", "#ffffff"), 0.001);
    assertEquals(1.0, WidgetSettings.contrast("#777777", "#777777"), 0.001);
    assertEquals(1.51, WidgetSettings.contrast("#ffcc00", "#ffffff"), 0.01);
    assertEquals(4.63, WidgetSettings.contrast("#1f6feb", "#ffffff"), 0.01);
  }

  @Test
  void belowFourAndAHalfIsRefusedWithTheRatio() {
    Validation validation = new Validation();
    WidgetSettings.checkContrast("#ffcc00", "#ffffff", validation);
    ConvotException refused = org.junit.jupiter.api.Assertions.assertThrows(ConvotException.class, validation::throwIfInvalid);
    assertEquals("widget.theme_text_color", refused.fieldErrors().get(0).field());
    assertEquals("insufficient_contrast", refused.fieldErrors().get(0).code());
    assertTrue(refused.fieldErrors().get(0).message().contains("1.51:1"), refused.fieldErrors().get(0)::message);

    Validation fine = new Validation();
    WidgetSettings.checkContrast("#1f6feb", "#ffffff", fine);
    WidgetSettings.checkContrast("#ffcc00", null, fine); // automatic text color: nothing to check
    assertEquals(0, fine.size());
  }

  @Test
  void textsFallBackFromRegionToLanguageToTheDefaultLocale() {
    Map<String, String> texts = Map.of("en", "Chat with us", "pt", "Fale conosco", "pt-BR", "Converse com a gente");
    assertEquals("Converse com a gente", WidgetSettings.localized(texts, "pt-BR", "en"));
    assertEquals("Fale conosco", WidgetSettings.localized(texts, "pt-PT", "en"));
    assertEquals("Chat with us", WidgetSettings.localized(texts, "de", "en"));
    assertNull(WidgetSettings.localized(texts, "de", "fr"));
  }

  @Test
  void aMergeKeepsWhatItLeavesOutAndNullPutsTheDefaultBack() {
    Validation validation = new Validation();
    WidgetSettings first = WidgetSettings.DEFAULT.merge(JsonText.readObject(
        "{\"position\": \"left\", \"offset_x\": 40, \"countries\": [\"fr\", \"DE\", \"fr\"]}"), validation);
    WidgetSettings second = first.merge(JsonText.readObject("{\"offset_x\": null, \"font\": \"georgia\"}"), validation);
    assertEquals(0, validation.size());
    assertEquals("left", second.position());
    assertEquals(16, second.offsetX());
    assertEquals("georgia", second.font());
    assertEquals(List.of("DE", "FR"), second.countries());
    assertEquals(second, WidgetSettings.fromStored(second.toJson().toString()));
  }

  @Test
  void countriesFilterOnlyWhenTheCountryIsKnown() {
    WidgetSettings settings = WidgetSettings.DEFAULT.merge(JsonText.readObject("{\"countries\": [\"FR\"]}"), new Validation());
    assertTrue(settings.showsIn("fr"));
    assertFalse(settings.showsIn("US"));
    assertTrue(settings.showsIn(null));
    assertTrue(WidgetSettings.DEFAULT.showsIn("US"));
  }
}
