package io.convot.helpcenter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Slugs, locales and custom-domain hostnames as the help center stores them. */
class NamesTest {

  @Test
  void slugsAreMadeFromTitles() {
    assertEquals("reglages-paiements", Slugs.fromTitle("Réglages & paiements"));
    assertEquals("refund-policy-2024", Slugs.fromTitle("  Refund policy (2024)!  "));
    assertEquals("article", Slugs.fromTitle("返金について"));
    assertTrue(Slugs.fromTitle("word ".repeat(60)).length() <= Slugs.MAX - 4);
    assertTrue(Slugs.isValid("refund-policy"));
    assertFalse(Slugs.isValid("Refund"));
    assertFalse(Slugs.isValid("refund--policy"));
    assertFalse(Slugs.isValid("-refund"));
  }

  @Test
  void localesAreNormalized() {
    assertEquals("pt-BR", Locales.normalize("pt_br"));
    assertEquals("fr", Locales.normalize(" FR "));
    assertNull(Locales.normalize("english"));
    assertNull(Locales.normalize("en-"));
    assertNull(Locales.normalize(null));
  }

  @Test
  void hostnamesAreLowercaseAsciiWithoutTheFinalDot() {
    assertEquals("help.acme.com", Hostnames.normalize("Help.ACME.com."));
    assertEquals("help.xn--bcher-kva.example", Hostnames.normalize("help.bücher.example"));
    assertNull(Hostnames.normalize("localhost"));
    assertNull(Hostnames.normalize("192.0.2.1"));
    assertNull(Hostnames.normalize("help..acme.com"));
    assertNull(Hostnames.normalize("-help.acme.com"));
    assertNull(Hostnames.normalize("help_desk.acme.com"));
    assertNull(Hostnames.normalize("https://help.acme.com"));
    assertEquals("help.convot.io", Hostnames.host(" Help.Convot.IO. "));
  }
}
