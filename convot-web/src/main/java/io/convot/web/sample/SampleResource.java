package io.convot.web.sample;

import io.convot.sample.SampleData;
import io.convot.sample.SampleOrganization;
import io.convot.web.auth.Public;
import io.convot.web.ratelimit.ClientAddresses;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** One call makes a sample organization to try Convot with, on a development server only. */
@Path("sample")
@Public
@Consumes(MediaType.WILDCARD)
@Produces(MediaType.APPLICATION_JSON)
public class SampleResource {

  public record AccountView(UUID memberId, String email, String password, String token) {
    static AccountView of(SampleOrganization.Account account) {
      return new AccountView(account.memberId(), account.email(), account.password(), account.token());
    }
  }

  public record SampleView(UUID organizationId, String organizationName, AccountView owner, AccountView agent, UUID appId,
      String appKey, List<UUID> conversationIds, String dashboardUrl, String demoUrl) {}

  @Inject SampleData samples;
  @Inject ClientAddresses clients;
  @Context HttpServletRequest servletRequest;

  @Inject
  @ConfigProperty(name = "convot.public-url")
  Optional<String> publicUrl;

  @POST
  @Operation(summary = "Make sample data (development servers only)",
      description = "An organization with its owner, an app, an agent and three conversations, two of them answered."
          + " The owner's and the agent's passwords are made for the sample and shown only here.")
  @APIResponse(responseCode = "201", description = "The sample, with where to sign in")
  @APIResponse(responseCode = "403", description = "development_only: the server's convot.environment is not development")
  public Response create(@Context UriInfo uri) {
    URI base = uri.getBaseUri();
    String origin = base.getScheme() + "://" + base.getRawAuthority();
    SampleOrganization sample = samples.create(clients.of(servletRequest), origin);
    String site = publicUrl.filter(url -> !url.isBlank()).map(url -> url.replaceAll("/+$", "")).orElse(origin);
    return Response.status(Response.Status.CREATED).entity(new SampleView(sample.organizationId(), sample.organizationName(),
        AccountView.of(sample.owner()), AccountView.of(sample.agent()), sample.appId(), sample.appKey(), sample.conversationIds(),
        site + "/app/", site + "/demo/")).build();
  }
}
