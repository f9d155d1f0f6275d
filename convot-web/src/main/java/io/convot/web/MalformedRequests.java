package io.convot.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Refuses, before JAX-RS sees them, the requests it would fail to parse and log a stack trace for
 * each (a path whose escapes are not UTF-8, a Content-Type that is not a media type): a plain 400,
 * which the error page answers as problem+json, so that nobody can fill the log with bad requests.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class MalformedRequests implements Filter {

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) request;
    if (!isUtf8Path(http.getRequestURI()) || !isMediaType(http.getContentType())) {
      ((HttpServletResponse) response).sendError(HttpServletResponse.SC_BAD_REQUEST);
      return;
    }
    chain.doFilter(request, response);
  }

  private static boolean isMediaType(String contentType) {
    if (contentType == null) {
      return true;
    }
    try {
      MediaType.valueOf(contentType);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Whether the path's percent-escapes decode as UTF-8 (a malformed escape is no path either). */
  static boolean isUtf8Path(String path) {
    if (path == null || path.indexOf('%') < 0) {
      return true;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(path.length());
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c != '%') {
        bytes.write(c < 0x80 ? c : '?');
        continue;
      }
      if (i + 2 >= path.length() || Character.digit(path.charAt(i + 1), 16) < 0 || Character.digit(path.charAt(i + 2), 16) < 0) {
        return false;
      }
      bytes.write(Character.digit(path.charAt(i + 1), 16) * 16 + Character.digit(path.charAt(i + 2), 16));
      i += 2;
    }
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
