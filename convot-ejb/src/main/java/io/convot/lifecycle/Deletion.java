package io.convot.lifecycle;

import java.util.UUID;

/** What one deletion removes: a whole organization, or one app of it ({@code appId} set). */
record Deletion(UUID organizationId, UUID appId) {

  static Deletion ofOrganization(UUID organizationId) {
    return new Deletion(organizationId, null);
  }

  static Deletion ofApp(UUID organizationId, UUID appId) {
    return new Deletion(organizationId, appId);
  }

  boolean isApp() {
    return appId != null;
  }

  String subject() {
    return isApp() ? "app" : "organization";
  }

  UUID subjectId() {
    return isApp() ? appId : organizationId;
  }
}
