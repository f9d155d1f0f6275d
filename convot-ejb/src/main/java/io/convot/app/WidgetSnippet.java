package io.convot.app;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * What a team pastes to embed an app's widget: the two script tags, the call that identifies a
 * signed-in user, and backend code computing that user's {@code user_hash}. The identity secret is
 * never part of it: the examples read it from the environment variable {@link #SECRET_VARIABLE}.
 */
public record WidgetSnippet(String appKey, String loaderUrl, String html, boolean identityVerificationRequired,
    String identifyHtml, List<CodeExample> backendExamples) {

  public static final String SECRET_VARIABLE = "CONVOT_IDENTITY_SECRET";

  /** One backend language's way to compute {@code user_hash}. */
  public record CodeExample(String language, String code) {}

  /** The snippet of {@code app}, loading the widget from Convot at {@code publicBaseUrl}. */
  public static WidgetSnippet of(App app, String publicBaseUrl) {
    String loaderUrl = baseUrl(publicBaseUrl) + "/widget/v1/loader.js";
    String html = """
        <script>
          window.Convot = window.Convot || [];
          Convot.app_id = %s;
        </script>
        <script async src="%s"></script>
        """.formatted(jsString(app.appKey()), htmlAttribute(loaderUrl));
    return new WidgetSnippet(app.appKey(), loaderUrl, html, app.requireIdentityVerification(), IDENTIFY, BACKEND_EXAMPLES);
  }

  /** An absolute http(s) URL without a trailing slash; anything else is a configuration mistake. */
  static String baseUrl(String value) {
    try {
      URI uri = new URI(value.trim());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null) {
        throw new IllegalStateException("Convot's public URL must be an http(s) URL without query: " + value);
      }
      String text = uri.toString();
      return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    } catch (URISyntaxException e) {
      throw new IllegalStateException("Convot's public URL is not a URL: " + value, e);
    }
  }

  /** A JavaScript string literal that cannot end its script element or its string. */
  static String jsString(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      if (Character.isLetterOrDigit(c) && c < 128 || c == '_' || c == '-' || c == '.') {
        out.append(c);
      } else {
        out.append(String.format("\\u%04x", (int) c));
      }
    }
    return out.append('"').toString();
  }

  static String htmlAttribute(String value) {
    return value.replace("&", "&amp;").replace("\"", "&quot;").replace("'", "&#39;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static final String IDENTIFY = """
      <script>
        // For a signed-in user, rendered by your server: user_hash comes from the backend examples.
        Convot.push(["identify", {external_id: "USER_ID", email: "USER_EMAIL", user_hash: "USER_HASH"}]);
      </script>
      """;

  /** user_hash: hex HMAC-SHA256 of the external_id (or, without one, the email) under the identity secret. */
  private static final List<CodeExample> BACKEND_EXAMPLES = List.of(
      new CodeExample("node", """
          const crypto = require("crypto");

          // Convot's user_hash: HMAC-SHA256 of the user's external_id (or email, without one) under the
          // app's identity secret. Keep the secret on your server; never send it to the browser.
          function convotUserHash(externalId) {
            return crypto.createHmac("sha256", process.env.%1$s).update(String(externalId)).digest("hex");
          }
          """.formatted(SECRET_VARIABLE)),
      new CodeExample("ruby", """
          require "openssl"

          # Convot's user_hash: HMAC-SHA256 of the user's external_id (or email, without one) under the
          # app's identity secret. Keep the secret on your server; never send it to the browser.
          def convot_user_hash(external_id)
            OpenSSL::HMAC.hexdigest("SHA256", ENV.fetch("%1$s"), external_id.to_s)
          end
          """.formatted(SECRET_VARIABLE)),
      new CodeExample("php", """
          <?php
          // Convot's user_hash: HMAC-SHA256 of the user's external_id (or email, without one) under the
          // app's identity secret. Keep the secret on your server; never send it to the browser.
          function convot_user_hash(string $externalId): string {
              return hash_hmac('sha256', $externalId, getenv('%1$s'));
          }
          """.formatted(SECRET_VARIABLE)),
      new CodeExample("python", """
          import hashlib
          import hmac
          import os


          # Convot's user_hash: HMAC-SHA256 of the user's external_id (or email, without one) under the
          # app's identity secret. Keep the secret on your server; never send it to the browser.
          def convot_user_hash(external_id):
              secret = os.environ["%1$s"].encode()
              return hmac.new(secret, str(external_id).encode(), hashlib.sha256).hexdigest()
          """.formatted(SECRET_VARIABLE)));
}
