package io.convot.web.auth;

import io.convot.auth.AuthService;
import io.convot.auth.SignUp;
import io.convot.common.ConvotException;
import io.convot.common.ErrorCode;
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

/** Sign-up, sign-in and sign-out. */
@Path("auth")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

  public record SignUpRequest(String organizationName, String name, String email, String password) {}

  public record LogInRequest(String email, String password) {}

  @Inject AuthService auth;
  @Inject ClientAddresses clients;
  @Context HttpServletRequest servletRequest;

  @POST
  @Path("signup")
  @Public
  public Response signUp(SignUpRequest body) {
    SignUpRequest request = required(body);
    var session = auth.signUp(new SignUp(request.organizationName(), request.name(), request.email(), request.password()),
        clients.of(servletRequest));
    return Response.status(Response.Status.CREATED).entity(AuthViews.SignedUp.of(session)).build();
  }

  @POST
  @Path("login")
  @Public
  public AuthViews.TokenView logIn(LogInRequest body) {
    LogInRequest request = required(body);
    return AuthViews.TokenView.of(auth.logIn(request.email(), request.password(), clients.of(servletRequest)).token());
  }

  @POST
  @Path("logout")
  @Consumes(MediaType.WILDCARD)
  public Response logOut() {
    auth.logOut();
    return Response.noContent().build();
  }

  static <T> T required(T body) {
    if (body == null) {
      throw new ConvotException(ErrorCode.MALFORMED_REQUEST, "A JSON body is required");
    }
    return body;
  }
}
