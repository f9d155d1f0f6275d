package io.convot.web.helpsite;

import io.convot.helpcenter.HelpHosts;
import io.convot.helpcenter.HelpSite;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Requests whose {@code Host} is an app's custom help-center domain: a verified one is answered by
 * the help center at its root ({@code https://help.example.com/}), one set but not (or no longer)
 * verified by a 404, for every path. Any other host goes on to Convot as usual; addresses and
 * single-label names (localhost) never name a custom domain and skip the lookup.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class HelpHostFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private static final Pattern NOT_A_DOMAIN = Pattern.compile("^([0-9.]+|\\[.*\\]|[^.]*)$");

  @Inject HelpHosts hosts;
  @Inject HelpCenterRequests requests;

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String host = host(request);
    Optional<HelpSite.HostMatch> match = host == null ? Optional.empty() : lookup(host);
    if (match.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    if (!match.get().verified() || !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))) {
      requests.unknown(response);
      return;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.equals("/robots.txt")) {
      robots(response, host);
      return;
    }
    requests.serve(request, response, match.get().site(), path.startsWith("/") ? path.substring(1) : path,
        new HelpLinks("/"));
  }

  /** A lookup that fails (the database down) must not take Convot's own pages with it. */
  private Optional<HelpSite.HostMatch> lookup(String host) {
    try {
      return hosts.lookup(host);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static String host(HttpServletRequest request) {
    String name = request.getServerName();
    if (name == null) {
      return null;
    }
    String host = name.toLowerCase(Locale.ROOT);
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    return NOT_A_DOMAIN.matcher(host).matches() || host.length() > 253 ? null : host;
  }

  private static void robots(HttpServletResponse response, String host) throws IOException {
    byte[] body = ("User-agent: *\nAllow: /\nSitemap: https://" + host + "/sitemap.xml\n").getBytes(StandardCharsets.UTF_8);
    response.setContentType("text/plain; charset=utf-8");
    response.setHeader("Cache-Control", "public, max-age=3600");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
