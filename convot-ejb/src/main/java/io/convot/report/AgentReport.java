package io.convot.report;

import java.util.List;
import java.util.UUID;

/**
 * Per member who did anything in the range (replies sent, first responses, resolutions), then one
 * entry with a null {@code member_id} named "API" for what API keys did.
 */
public record AgentReport(List<Figures> data) {

  public static final String API = "API";

  public record Figures(UUID memberId, String name, long messagesSent, long conversationsResolved, Timing firstResponse,
      Timing resolution) {}
}
