package io.convot.app;

import java.util.List;
import java.util.Optional;

/**
 * A partial update: absent fields keep their value. {@code shopifyAppIdSet} and
 * {@code officeHoursSet} tell a JSON {@code null} (clear it) from an absent field (keep it).
 * {@code widget} is a JSON Merge Patch of the widget settings; {@code qualificationQuestions} and
 * {@code qualificationRule} replace the app's.
 */
public record AppChanges(
    Optional<String> name,
    Optional<List<String>> allowedOrigins,
    Optional<Boolean> requireIdentityVerification,
    boolean shopifyAppIdSet,
    String shopifyAppId,
    Optional<String> themeColor,
    boolean officeHoursSet,
    OfficeHours officeHours,
    Optional<jakarta.json.JsonObject> widget,
    Optional<jakarta.json.JsonArray> qualificationQuestions,
    Optional<jakarta.json.JsonObject> qualificationRule) {}
