package io.convot.contact;

import java.time.Instant;
import java.util.UUID;

/** The filters of the contact list; {@code null} leaves a filter out. */
public record ContactFilter(UUID appId, String email, String externalId, String segment, Instant updatedSince) {}
