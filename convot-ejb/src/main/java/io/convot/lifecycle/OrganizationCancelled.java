package io.convot.lifecycle;

import java.time.Instant;
import java.util.UUID;

/** An organization was cancelled: its data is deleted at {@code purgeAfter} unless an owner reactivates it. */
public record OrganizationCancelled(UUID organizationId, Instant cancelledAt, Instant purgeAfter) {}
