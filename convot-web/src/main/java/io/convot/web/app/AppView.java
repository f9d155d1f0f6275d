package io.convot.web.app;

import io.convot.app.App;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An app on the wire; {@code identity_secret} appears only for owners and admins, with, during a
 * rotation's grace period, until when the secret it replaced still verifies.
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
    Instant createdAt,
    Instant updatedAt) {

  public static AppView of(App app, boolean showSecret) {
    return new AppView(app.id().toString(), app.name(), app.appKey(), showSecret ? app.identitySecret() : null,
        showSecret ? app.previousIdentitySecretValidUntil() : null,
        app.requireIdentityVerification(), app.allowedOrigins(), app.shopifyAppId(), app.themeColor(),
        app.officeHours() == null ? JsonValue.NULL : app.officeHours().toJson(), app.createdAt(), app.updatedAt());
  }
}
