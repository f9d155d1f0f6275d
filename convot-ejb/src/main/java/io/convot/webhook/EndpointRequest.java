package io.convot.webhook;

import java.util.List;
import java.util.UUID;

/** An endpoint's settings as a request gives them; null means absent (keep it, on an update). */
public record EndpointRequest(String url, List<String> eventTypes, List<UUID> appIds, String description) {}
