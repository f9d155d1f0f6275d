package io.convot.shopify;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How likely a shop is to stop paying, and why. Each reason has a level; the shop's level is the
 * highest of its reasons, {@code low} without any.
 */
public record ChurnRisk(String level, List<String> reasons) {

  /** A reinstall or usage change counts as recent within this window. */
  static final Duration RECENT = Duration.ofDays(30);

  /** The facts about a shop that risk is judged on. */
  public record Facts(boolean installed, boolean deactivated, String subscriptionState, Instant uninstalledAt,
                      Instant reinstalledAt, BigDecimal usageLast30Days, BigDecimal usagePrevious30Days) {}

  public static ChurnRisk assess(Facts facts, Instant now) {
    List<String> high = new ArrayList<>();
    List<String> medium = new ArrayList<>();
    if (!facts.installed()) {
      high.add("uninstalled");
    } else {
      if (facts.deactivated()) {
        high.add("shop_deactivated");
      }
      switch (facts.subscriptionState() == null ? "" : facts.subscriptionState()) {
        case "frozen" -> high.add("charge_frozen");
        case "declined" -> high.add("charge_declined");
        case "cancelled" -> medium.add("charge_cancelled");
        case "expired" -> medium.add("charge_expired");
        default -> { }
      }
      if (facts.reinstalledAt() != null && facts.reinstalledAt().isAfter(now.minus(RECENT))) {
        medium.add("recent_reinstall");
      }
      if (usageDropping(facts.usageLast30Days(), facts.usagePrevious30Days())) {
        medium.add("usage_dropping");
      }
    }
    List<String> reasons = new ArrayList<>(high);
    reasons.addAll(medium);
    String level = !high.isEmpty() ? "high" : !medium.isEmpty() ? "medium" : "low";
    return new ChurnRisk(level, List.copyOf(reasons));
  }

  /** Usage revenue in the last 30 days fell below half of the 30 days before. */
  static boolean usageDropping(BigDecimal last, BigDecimal previous) {
    if (previous == null || previous.signum() <= 0) {
      return false;
    }
    BigDecimal recent = last == null ? BigDecimal.ZERO : last;
    return recent.multiply(BigDecimal.valueOf(2)).compareTo(previous) < 0;
  }
}
