package io.convot.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.convot.metrics.MetricsToken.Verdict;
import org.junit.jupiter.api.Test;

class MetricsTokenTest {

  @Test
  void acceptsOnlyTheConfiguredBearerToken() {
    MetricsToken token = new MetricsToken("s3cret-scraper");

    assertEquals(Verdict.ACCEPTED, token.check("Bearer s3cret-scraper"));
    assertEquals(Verdict.ACCEPTED, token.check("bearer s3cret-scraper"));
    assertEquals(Verdict.WRONG, token.check("Bearer s3cret-scrape"));
    assertEquals(Verdict.WRONG, token.check("Bearer S3CRET-SCRAPER"));
    assertEquals(Verdict.MISSING, token.check("Basic s3cret-scraper"));
    assertEquals(Verdict.MISSING, token.check("Bearer "));
    assertEquals(Verdict.MISSING, token.check(null));
  }

  @Test
  void anEmptySettingKeepsTheEndpointClosed() {
    for (String unset : new String[] {null, "", "  "}) {
      MetricsToken token = new MetricsToken(unset);
      assertFalse(token.isSet());
      assertEquals(Verdict.WRONG, token.check("Bearer anything"));
      assertEquals(Verdict.MISSING, token.check(null));
    }
  }
}
