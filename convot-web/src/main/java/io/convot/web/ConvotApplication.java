package io.convot.web;

import io.convot.web.apikey.ApiKeyResource;
import io.convot.web.app.AppResource;
import io.convot.web.auth.AuthResource;
import io.convot.web.auth.BearerAuthentication;
import io.convot.web.contact.ContactResource;
import io.convot.web.conversation.ConversationResource;
import io.convot.web.conversation.MessageResource;
import io.convot.web.helpcenter.AppArticleResource;
import io.convot.web.helpcenter.ArticleResource;
import io.convot.web.helpcenter.HelpDomainResource;
import io.convot.web.idempotency.IdempotentPosts;
import io.convot.web.imports.ImportResource;
import io.convot.web.me.MeResource;
import io.convot.web.member.InvitationResource;
import io.convot.web.member.MemberResource;
import io.convot.web.notification.NotificationChannelResource;
import io.convot.web.notification.NotificationPreferencesResource;
import io.convot.web.organization.CancelledOrganizationWrites;
import io.convot.web.organization.OrganizationResource;
import io.convot.web.ratelimit.ApiRateLimits;
import io.convot.web.report.ReportResource;
import io.convot.web.sample.SampleResource;
import io.convot.web.shopify.RevenueResource;
import io.convot.web.shopify.ShopifyResource;
import io.convot.web.token.TokenResource;
import io.convot.web.webhook.WebhookResource;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The REST API: {@code /api/v1}, bearer tokens (JWT or API key), problem+json errors. Its classes
 * are listed because the widget API is a second application in the same module.
 */
@ApplicationPath("/api/v1")
@LoginConfig(authMethod = "MP-JWT", realmName = "convot")
@OpenAPIDefinition(
    info = @Info(title = "Convot API", version = "1",
        description = "Customer messaging for Shopify app teams. Errors are application/problem+json with a stable `code`."),
    security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
    description = "A sign-in JWT (60 days) or an API key (cvk_...)")
public class ConvotApplication extends Application {

  @Override
  public Set<Class<?>> getClasses() {
    Set<Class<?>> classes = new HashSet<>(SharedProviders.CLASSES);
    classes.addAll(Set.of(ApiRateLimits.class, BearerAuthentication.class, AuthResource.class, MeResource.class, AppResource.class,
        ApiKeyResource.class, MemberResource.class, InvitationResource.class, ConversationResource.class,
        MessageResource.class, ContactResource.class, WebhookResource.class, ShopifyResource.class,
        RevenueResource.class, ReportResource.class, TokenResource.class, IdempotentPosts.class));
    classes.addAll(Set.of(AppArticleResource.class, ArticleResource.class, HelpDomainResource.class, ImportResource.class));
    classes.add(SampleResource.class);
    classes.addAll(Set.of(NotificationPreferencesResource.class, NotificationChannelResource.class));
    classes.addAll(Set.of(OrganizationResource.class, CancelledOrganizationWrites.class));
    return classes;
  }
}
