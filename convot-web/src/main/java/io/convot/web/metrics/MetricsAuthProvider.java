package io.convot.web.metrics;

import io.convot.common.ErrorCode;
import io.convot.common.JsonText;
import io.convot.metrics.MetricsToken;
import io.convot.web.RequestIds;
import io.convot.web.problem.Problem;
import jakarta.security.auth.message.AuthException;
import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.config.AuthConfigProvider;
import jakarta.security.auth.message.config.ClientAuthConfig;
import jakarta.security.auth.message.config.ServerAuthConfig;
import jakarta.security.auth.message.config.ServerAuthContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.security.auth.Subject;
import javax.security.auth.callback.CallbackHandler;

/**
 * The Jakarta Authentication provider of {@code /metrics}: one server context whose module checks the
 * bearer token ({@link MetricsToken}) and answers a refusal itself, as problem+json. Every request stays anonymous
 * (the endpoint asks for no role).
 */
final class MetricsAuthProvider implements AuthConfigProvider {

  private final MetricsToken token;

  MetricsAuthProvider(MetricsToken token) {
    this.token = token;
  }

  @Override
  public ClientAuthConfig getClientAuthConfig(String layer, String appContext, CallbackHandler handler) {
    return null;
  }

  @Override
  public ServerAuthConfig getServerAuthConfig(String layer, String appContext, CallbackHandler handler) {
    return new ServerAuthConfig() {
      @Override
      public ServerAuthContext getAuthContext(String authContextId, Subject serviceSubject, Map<String, Object> properties) {
        return new TokenCheck();
      }

      @Override
      public String getAuthContextID(MessageInfo messageInfo) {
        return "metrics";
      }

      @Override
      public String getMessageLayer() {
        return layer;
      }

      @Override
      public String getAppContext() {
        return appContext;
      }

      @Override
      public void refresh() {}

      @Override
      public boolean isProtected() {
        return true;
      }
    };
  }

  @Override
  public void refresh() {}

  private final class TokenCheck implements ServerAuthContext {

    @Override
    public AuthStatus validateRequest(MessageInfo message, Subject client, Subject service) throws AuthException {
      HttpServletRequest request = (HttpServletRequest) message.getRequestMessage();
      HttpServletResponse response = (HttpServletResponse) message.getResponseMessage();
      MetricsToken.Verdict verdict = token.check(request.getHeader("Authorization"));
      if (verdict == MetricsToken.Verdict.ACCEPTED) {
        return AuthStatus.SUCCESS;
      }
      if (verdict == MetricsToken.Verdict.MISSING) {
        refuse(response, ErrorCode.UNAUTHENTICATED, "Send Authorization: Bearer <metrics token>");
      } else {
        refuse(response, ErrorCode.TOKEN_INVALID, "Not the metrics token");
      }
      // Liberty serves an endpoint it does not protect itself whatever this module answers: the refusal is
      // sent, and the endpoint then writes into a response that goes nowhere.
      message.setResponseMessage(new RefusedResponse(response));
      return AuthStatus.SUCCESS;
    }

    @Override
    public AuthStatus secureResponse(MessageInfo message, Subject service) {
      return AuthStatus.SEND_SUCCESS;
    }

    @Override
    public void cleanSubject(MessageInfo message, Subject subject) {}
  }

  private static void refuse(HttpServletResponse response, ErrorCode code, String detail) throws AuthException {
    try {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response.setHeader("WWW-Authenticate", "Bearer realm=\"convot-metrics\"");
      response.setHeader("Cache-Control", "no-store");
      response.setContentType(Problem.MEDIA_TYPE);
      response.setCharacterEncoding("UTF-8");
      String id = UUID.randomUUID().toString();
      response.setHeader(RequestIds.HEADER, id);
      response.getWriter().write(JsonText.write(Problem.of(code, detail, id, List.of())));
      response.flushBuffer();
    } catch (IOException e) {
      AuthException failure = new AuthException("the refusal could not be written");
      failure.initCause(e);
      throw failure;
    }
  }
}
