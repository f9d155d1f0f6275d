package io.convot.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Every response carries {@code X-Request-Id}: the client's own when it sent a sane one, else a new one.
 * Lines logged while the request is served carry it too ({@code ext_requestId} in JSON logs).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestIds implements Filter {

  public static final String HEADER = "X-Request-Id";
  private static final Pattern SANE = Pattern.compile("^[A-Za-z0-9._:-]{1,128}$");
  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  public static String current() {
    return CURRENT.get();
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String sent = ((HttpServletRequest) request).getHeader(HEADER);
    String id = sent != null && SANE.matcher(sent).matches() ? sent : UUID.randomUUID().toString();
    ((HttpServletResponse) response).setHeader(HEADER, id);
    CURRENT.set(id);
    RequestLogContext.enter(id);
    try {
      chain.doFilter(request, response);
    } finally {
      RequestLogContext.leave();
      CURRENT.remove();
    }
  }
}
