package io.convot.notification;

import java.util.List;
import java.util.UUID;

/** A channel's settings as sent; on a change, an absent (null) part stays as it is. */
public record ChannelRequest(String kind, String url, List<String> events, List<UUID> appIds) {}
