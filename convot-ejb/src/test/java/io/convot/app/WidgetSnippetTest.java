package io.convot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WidgetSnippetTest {

  @Test
  void theBaseUrlLosesItsTrailingSlashAndKeepsItsPath() {
    assertEquals("https://chat.example.com", WidgetSnippet.baseUrl("https://chat.example.com/"));
    assertEquals("http://localhost:9080", WidgetSnippet.baseUrl(" http://localhost:9080 "));
    assertEquals("https://example.com/convot", WidgetSnippet.baseUrl("https://example.com/convot/"));
  }

  @Test
  void aBaseUrlThatIsNoHttpUrlIsAConfigurationMistake() {
    assertThrows(IllegalStateException.class, () -> WidgetSnippet.baseUrl("chat.example.com"));
    assertThrows(IllegalStateException.class, () -> WidgetSnippet.baseUrl("javascript:alert(1)"));
    assertThrows(IllegalStateException.class, () -> WidgetSnippet.baseUrl("https://example.com/?a=b"));
    assertThrows(IllegalStateException.class, () -> WidgetSnippet.baseUrl("https://exa mple.com"));
  }

  @Test
  void aJavaScriptStringCannotCloseItsScriptOrItsQuotes() {
    assertEquals("\"app_Ab-9.x\"", WidgetSnippet.jsString("app_Ab-9.x"));
    assertEquals("\"\\u003c\\u002fscript\\u003e\\u0022\"", WidgetSnippet.jsString("</script>\""));
  }

  @Test
  void anAttributeValueCannotCloseItsAttribute() {
    assertEquals("https://h/x?a=1&amp;b=&quot;&lt;&gt;&#39;", WidgetSnippet.htmlAttribute("https://h/x?a=1&b=\"<>'"));
  }
}
