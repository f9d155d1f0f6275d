package io.convot.lifecycle;

import io.convot.organization.Organization;
import java.time.Instant;

/** What an owner sees of the organization's lifecycle: active, or cancelled and until when. */
public record OrganizationStatus(String status, Instant cancelledAt, Instant purgeAfter) {

  static OrganizationStatus of(Organization organization) {
    return new OrganizationStatus(organization.isCancelled() ? "cancelled" : "active", organization.cancelledAt(),
        organization.purgeAfter());
  }
}
