package io.convot.web.app;

import io.convot.app.App;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An app on the wire; {@code identity_secret} appears only for owners and admins, with, during a
 * rotation's grace period, until when the secret it replaced still verifies. {@code widget} always
 * has every setting (defaults filled in), so a client never guesses one. A deleted app stays listed, with
 * {@code deleted_at} and {@code purge_after}, until the deletion job removes it.
 */
public record AppView(
    String id,
    String name,
    String appKey,
    @JsonbNillable(false) String identitySecret,
    @JsonbNillable(false) Instant previousIdentitySecretValidUntil,
    boolean requireIdentityVerification,
    List<String> allowedOrigins,
    @Schema(ref = AppDocumentation.SHOPIFY_APP_ID) String shopifyAppId,
    String themeColor,
    @Schema(ref = AppDocumentation.OFFICE_HOURS) JsonValue officeHours,
    @Schema(ref = AppDocumentation.WIDGET_SETTINGS) JsonObject widget,
    @Schema(ref = AppDocumentation.QUALIFICATION_QUESTIONS) JsonArray qualificationQuestions,
    @Schema(ref = AppDocumentation.QUALIFICATION_RULE) JsonObject qualificationRule,
    Instant createdAt,
    Instant updatedAt,
    @Schema(description = "Set while the app waits out its deletion's grace period (null otherwise)") Instant deletedAt,
    @Schema(description = "When a deleted app and its data will be removed, unless restored first (null otherwise)") Instant purgeAfter) {

  public static AppView of(App app, boolean showSecret) {
    return new AppView(app.id().toString(), app.name(), app.appKey(), showSecret ? app.identitySecret() : null,
        showSecret ? app.previousIdentitySecretValidUntil() : null,
        app.requireIdentityVerification(), app.allowedOrigins(), app.shopifyAppId(), app.themeColor(),
        app.officeHours() == null ? JsonValue.NULL : app.officeHours().toJson(), app.widgetSettings().toJson(),
        app.qualification().questionsJson(), app.qualification().ruleJson(), app.createdAt(), app.updatedAt(),
        app.deletedAt(), app.purgeAfter());
  }
}
