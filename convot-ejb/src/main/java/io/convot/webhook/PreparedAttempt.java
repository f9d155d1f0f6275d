package io.convot.webhook;

import java.util.Map;

/** One signed POST, ready to send: where, with which headers, which body. */
public record PreparedAttempt(String url, Map<String, String> headers, String body) {}
