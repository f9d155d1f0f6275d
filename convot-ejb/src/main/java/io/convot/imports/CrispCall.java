package io.convot.imports;

import java.util.concurrent.atomic.AtomicInteger;

/** Who calls Crisp for one check or step, and how many of its attempts failed in a row. */
final class CrispCall {

  private final String websiteId;
  private final CrispCredentials credentials;
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger failedInARow = new AtomicInteger();
  private volatile boolean stopped;

  CrispCall(String websiteId, CrispCredentials credentials) {
    this.websiteId = websiteId;
    this.credentials = credentials;
  }

  /** A call of its own for the same website and credentials (a read ahead counts its failures apart). */
  CrispCall another() {
    return new CrispCall(websiteId, credentials);
  }

  String websiteId() {
    return websiteId;
  }

  String authorization() {
    return credentials.authorization();
  }

  void attempted() {
    requests.incrementAndGet();
  }

  void succeeded() {
    failedInARow.set(0);
  }

  void failed() {
    failedInARow.incrementAndGet();
  }

  /** After a rate limit or a rejection, the step's other reads ask Crisp nothing more. */
  void stop() {
    stopped = true;
  }

  boolean stopped() {
    return stopped;
  }

  int failedInARow() {
    return failedInARow.get();
  }

  int requests() {
    return requests.get();
  }

  @Override
  public String toString() {
    return "CrispCall[" + websiteId + ", " + requests + " requests]";
  }
}
