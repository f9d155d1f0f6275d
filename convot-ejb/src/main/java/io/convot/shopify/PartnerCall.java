package io.convot.shopify;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Who calls the Partner API for one connect or run, and how many requests it has made (retries
 * included). The page hook runs after each page read (a run extends its lease there).
 */
public final class PartnerCall {

  private final String partnerOrganizationId;
  private final String accessToken;
  private final Runnable afterPage;
  private final AtomicInteger requests = new AtomicInteger();

  public PartnerCall(String partnerOrganizationId, String accessToken, Runnable afterPage) {
    this.partnerOrganizationId = partnerOrganizationId;
    this.accessToken = accessToken;
    this.afterPage = afterPage;
  }

  String partnerOrganizationId() {
    return partnerOrganizationId;
  }

  String accessToken() {
    return accessToken;
  }

  void counted() {
    requests.incrementAndGet();
  }

  void pageRead() {
    afterPage.run();
  }

  public int requests() {
    return requests.get();
  }

  @Override
  public String toString() {
    return "PartnerCall[" + partnerOrganizationId + ", " + requests + " requests]";
  }
}
