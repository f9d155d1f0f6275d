package io.convot.shopify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChurnRiskTest {

  private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

  private static ChurnRisk.Facts facts(boolean installed, String state, Instant reinstalledAt, String last, String previous) {
    return new ChurnRisk.Facts(installed, false, state, null, reinstalledAt,
        last == null ? null : new BigDecimal(last), previous == null ? null : new BigDecimal(previous));
  }

  @Test
  void aPayingShopWithNothingWrongIsLow() {
    assertEquals(new ChurnRisk("low", List.of()), ChurnRisk.assess(facts(true, "active", null, null, null), NOW));
  }

  @Test
  void anUninstalledShopIsHighWhateverElseIsTrue() {
    assertEquals(new ChurnRisk("high", List.of("uninstalled")), ChurnRisk.assess(facts(false, "frozen", NOW, "0", "100"), NOW));
  }

  @Test
  void chargeStatesHaveTheirLevels() {
    assertEquals(new ChurnRisk("high", List.of("charge_frozen")), ChurnRisk.assess(facts(true, "frozen", null, null, null), NOW));
    assertEquals(new ChurnRisk("high", List.of("charge_declined")), ChurnRisk.assess(facts(true, "declined", null, null, null), NOW));
    assertEquals(new ChurnRisk("medium", List.of("charge_cancelled")), ChurnRisk.assess(facts(true, "cancelled", null, null, null), NOW));
    assertEquals(new ChurnRisk("medium", List.of("charge_expired")), ChurnRisk.assess(facts(true, "expired", null, null, null), NOW));
  }

  @Test
  void aReinstallCountsAsRecentForThirtyDays() {
    assertEquals("medium", ChurnRisk.assess(facts(true, "active", NOW.minus(Duration.ofDays(29)), null, null), NOW).level());
    assertEquals("low", ChurnRisk.assess(facts(true, "active", NOW.minus(Duration.ofDays(31)), null, null), NOW).level());
  }

  @Test
  void usageDropsWhenTheLastMonthIsUnderHalfTheOneBefore() {
    assertEquals(List.of("usage_dropping"), ChurnRisk.assess(facts(true, "active", null, "49.99", "100"), NOW).reasons());
    assertEquals(List.of(), ChurnRisk.assess(facts(true, "active", null, "50", "100"), NOW).reasons());
    assertEquals(List.of(), ChurnRisk.assess(facts(true, "active", null, "0", "0"), NOW).reasons(), "no usage before: nothing dropped");
    assertEquals(List.of("usage_dropping"), ChurnRisk.assess(facts(true, "active", null, null, "10"), NOW).reasons());
  }

  @Test
  void highReasonsComeFirstAndTheLevelIsTheHighest() {
    ChurnRisk risk = ChurnRisk.assess(new ChurnRisk.Facts(true, true, "cancelled", null, NOW, BigDecimal.ZERO, BigDecimal.TEN), NOW);

    assertEquals("high", risk.level());
    assertEquals(List.of("shop_deactivated", "charge_cancelled", "recent_reinstall", "usage_dropping"), risk.reasons());
  }
}
