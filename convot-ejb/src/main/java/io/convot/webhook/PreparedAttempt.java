package io.convot.webhook;

import java.util.Map;
import java.util.UUID;

/** One signed POST of a delivery, ready to send: where, with which headers, which body. */
public record PreparedAttempt(UUID deliveryId, String url, Map<String, String> headers, String body) {}
