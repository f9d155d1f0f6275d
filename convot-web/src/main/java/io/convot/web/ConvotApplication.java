package io.convot.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The REST API: {@code /api/v1}, bearer tokens (JWT or API key), problem+json errors. */
@ApplicationPath("/api/v1")
@LoginConfig(authMethod = "MP-JWT", realmName = "convot")
@OpenAPIDefinition(
    info = @Info(title = "Convot API", version = "1",
        description = "Customer messaging for Shopify app teams. Errors are application/problem+json with a stable `code`."),
    security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
    description = "A sign-in JWT (60 days) or an API key (cvk_...)")
public class ConvotApplication extends Application {}
