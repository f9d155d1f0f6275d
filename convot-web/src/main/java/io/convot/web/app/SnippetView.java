package io.convot.web.app;

import io.convot.app.WidgetSnippet;
import java.util.List;

/** {@code GET /apps/{id}/snippet}: ready to paste, with no secret in it. */
public record SnippetView(String appKey, String loaderUrl, String html, IdentityVerification identityVerification) {

  /** How a signed-in user is identified: the page's call and the backend's hash, per language. */
  public record IdentityVerification(boolean required, String secretVariable, String identifyHtml,
      List<WidgetSnippet.CodeExample> backendExamples) {}

  public static SnippetView of(WidgetSnippet snippet) {
    return new SnippetView(snippet.appKey(), snippet.loaderUrl(), snippet.html(),
        new IdentityVerification(snippet.identityVerificationRequired(), WidgetSnippet.SECRET_VARIABLE, snippet.identifyHtml(),
            snippet.backendExamples()));
  }
}
