package io.convot.app;

import java.util.List;

/** What creating an app takes; {@code allowedOrigins} null means the default. */
public record NewApp(String name, List<String> allowedOrigins, Boolean requireIdentityVerification, String shopifyAppId,
    String themeColor, OfficeHours officeHours) {}
