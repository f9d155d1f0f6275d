package io.convot.notification;

import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A channel on the wire. Its URL is a credential and is never returned: {@code url_hint} shows the
 * scheme, host and last four characters. {@code last_status} says what the latest post came to.
 */
public record ChannelView(
    UUID id,
    String kind,
    String urlHint,
    @JsonbProperty("events") List<String> eventTypes,
    List<UUID> appIds,
    boolean active,
    String disabledReason,
    Instant disabledAt,
    String lastStatus,
    Instant lastAttemptAt,
    Instant createdAt,
    Instant updatedAt) {

  static ChannelView of(NotificationChannel channel) {
    return new ChannelView(channel.id(), channel.kind().name(), channel.urlHint(), channel.eventTypes(), channel.appIds(),
        channel.active(), channel.disabledReason(), channel.disabledAt(), channel.lastStatus(), channel.lastAttemptAt(),
        channel.createdAt(), channel.updatedAt());
  }
}
