package io.convot.it.support.partner;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One Partner organization of the simulated API: its tokens (with or without the View financials
 * permission), its apps' events and transactions, the faults to answer with, and what it was asked.
 */
public final class PartnerOrganization {

  private final String id;
  private final Map<String, Boolean> tokens = new ConcurrentHashMap<>();
  private final Map<String, List<JsonObject>> events = new ConcurrentHashMap<>();
  private final Map<String, List<JsonObject>> transactions = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger mostInFlight = new AtomicInteger();
  private volatile Failure always;
  private final List<Failure> next = Collections.synchronizedList(new ArrayList<>());
  private volatile long pauseMillis;

  PartnerOrganization(String id) {
    this.id = id;
  }

  /**
   * What the simulator was asked: when, which query (events, transactions or access), whether it
   * asked only for what came after a time ({@code occurredAtMin} / {@code createdAtMin}), and the answer's status.
   */
  public record Request(Instant at, String query, boolean since, int status) {}

  public String id() {
    return id;
  }

  public PartnerOrganization token(String token, boolean viewFinancials) {
    tokens.put(token, viewFinancials);
    return this;
  }

  public void revoke(String token) {
    tokens.remove(token);
  }

  /** Every request fails this way from now on ({@code null}: none does). */
  public void failAlways(Failure failure) {
    always = failure;
  }

  /** The next requests fail in this order, then answer normally. */
  public void failNext(Failure... failures) {
    next.addAll(List.of(failures));
  }

  /** Every answer waits this long first (slow, but within the timeout). */
  public void pause(long millis) {
    pauseMillis = millis;
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  public int mostRequestsAtOnce() {
    return mostInFlight.get();
  }

  /** An app of this Partner organization, with no events or transactions yet. */
  public PartnerOrganization app(long app) {
    events.computeIfAbsent(gid(app), key -> new CopyOnWriteArrayList<>());
    transactions.computeIfAbsent(gid(app), key -> new CopyOnWriteArrayList<>());
    return this;
  }

  public PartnerOrganization event(long app, JsonObject event) {
    events.computeIfAbsent(gid(app), key -> new CopyOnWriteArrayList<>()).add(event);
    return this;
  }

  public PartnerOrganization transaction(long app, JsonObject transaction) {
    transactions.computeIfAbsent(gid(app), key -> new CopyOnWriteArrayList<>()).add(transaction);
    return this;
  }

  /** How many transactions the fixtures hold, over every app. */
  public int transactionsStored() {
    return allTransactions().size();
  }

  public static String gid(long app) {
    return "gid://partners/App/" + app;
  }

  // Fixtures in the Partner API's shapes.

  public static JsonObject shop(String domain, String name) {
    return Json.createObjectBuilder().add("id", "gid://partners/Shop/" + Math.abs(domain.hashCode()))
        .add("name", name).add("myshopifyDomain", domain).build();
  }

  public static JsonObject installed(String domain, String name, Instant at) {
    return eventOf("RELATIONSHIP_INSTALLED", domain, name, at).build();
  }

  public static JsonObject uninstalled(String domain, String name, Instant at, String reason, String description) {
    return eventOf("RELATIONSHIP_UNINSTALLED", domain, name, at).add("reason", reason).add("description", description).build();
  }

  /** A {@code SUBSCRIPTION_CHARGE_*} or other charge event (type given in full). */
  public static JsonObject charge(String type, String domain, String name, Instant at, String chargeId, String plan, String amount) {
    return eventOf(type, domain, name, at).add("charge", Json.createObjectBuilder().add("id", chargeId).add("name", plan)
        .add("amount", money(amount))).build();
  }

  public static JsonObject sale(String typename, String id, String domain, String name, Instant at, String chargeId,
                                String billingInterval, String gross, String net) {
    JsonObjectBuilder sale = Json.createObjectBuilder().add("__typename", typename).add("id", id).add("createdAt", at.toString())
        .add("shop", shop(domain, name)).add("grossAmount", money(gross)).add("netAmount", money(net))
        .add("shopifyFee", money(new BigDecimal(gross).subtract(new BigDecimal(net)).toPlainString()));
    if (chargeId != null) {
      sale.add("chargeId", chargeId);
    }
    if (billingInterval != null) {
      sale.add("billingInterval", billingInterval);
    }
    return sale.build();
  }

  private static JsonObjectBuilder eventOf(String type, String domain, String name, Instant at) {
    return Json.createObjectBuilder().add("type", type).add("occurredAt", at.toString()).add("shop", shop(domain, name));
  }

  private static JsonObject money(String amount) {
    return Json.createObjectBuilder().add("amount", amount).add("currencyCode", "USD").build();
  }

  // Used by PartnerGraphql.

  Boolean financials(String token) {
    return token == null ? null : tokens.get(token);
  }

  List<JsonObject> events(String appGid) {
    return events.getOrDefault(appGid, List.of());
  }

  List<JsonObject> transactions(String appGid) {
    return transactions.getOrDefault(appGid, List.of());
  }

  List<JsonObject> allTransactions() {
    List<JsonObject> all = new ArrayList<>();
    transactions.values().forEach(all::addAll);
    return all;
  }

  boolean knows(String appGid) {
    return events.containsKey(appGid) || transactions.containsKey(appGid);
  }

  Failure failure() {
    synchronized (next) {
      if (!next.isEmpty()) {
        return next.remove(0);
      }
    }
    return always;
  }

  long pauseMillis() {
    return pauseMillis;
  }

  void started() {
    mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
  }

  void finished(String query, boolean since, int status) {
    inFlight.decrementAndGet();
    requests.add(new Request(Instant.now(), query, since, status));
  }
}
