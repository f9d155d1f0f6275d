package io.convot.web.helpsite;

import io.convot.common.ConvotException;
import io.convot.common.StorableText;
import io.convot.helpcenter.Article;
import io.convot.helpcenter.HelpSite;
import io.convot.helpcenter.Locales;
import io.convot.helpcenter.SearchHit;
import io.convot.ratelimit.ClientAddress;
import io.convot.ratelimit.Limit;
import io.convot.ratelimit.Usage;
import io.convot.web.asset.Asset;
import io.convot.web.ratelimit.ClientAddresses;
import io.convot.web.widget.RateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers one request for a help-center page, below the site's root ({@code ""}, {@code search},
 * {@code sitemap.xml}, {@code <locale>/<slug>}): pages are cached for five minutes and revalidated by
 * a strong {@code ETag} (304 when unchanged); anything else, a draft included, is a 404 page. Each
 * client address may ask {@code convot.help-center.rate-limit.per-ip} pages a minute of each server.
 */
@ApplicationScoped
public class HelpCenterRequests {

  private static final String PAGE_CACHE = "public, max-age=300";
  private static final String SEARCH_CACHE = "public, max-age=60";
  private static final int SEARCH_RESULTS = 20;

  /** Per server, per client address and minute, as for the widget: the pages are cheap, searches less so. */
  private static final RateLimiter LIMITER = new RateLimiter(Clock.systemUTC());

  @Inject HelpSite help;
  @Inject ClientAddresses clients;

  @Inject
  @ConfigProperty(name = "convot.help-center.rate-limit.per-ip", defaultValue = "600")
  int perIp;

  void serve(HttpServletRequest request, HttpServletResponse response, HelpSite.SiteRef ref, String path, HelpLinks links)
      throws IOException {
    if (limited(request, response)) {
      return;
    }
    HelpSite.Site site;
    try {
      site = help.site(ref);
    } catch (ConvotException e) {
      unknown(response);
      return;
    }
    HelpLinks canonical = HelpLinks.canonical(site, origin(request));
    String[] segments = path.isEmpty() ? new String[0] : path.split("/", -1);
    if (segments.length == 0) {
      send(request, response, 200, HelpPages.home(site, links, canonical, help.published(ref)), PAGE_CACHE);
    } else if (segments.length == 1 && segments[0].equals("search")) {
      String query = query(request.getParameter("q"));
      List<SearchHit> hits = query.isBlank() ? List.of() : help.search(ref, query, null, SEARCH_RESULTS);
      send(request, response, 200, HelpPages.search(site, links, canonical, query, hits), SEARCH_CACHE);
    } else if (segments.length == 1 && segments[0].equals("sitemap.xml")) {
      List<Article> articles = help.published(ref);
      byte[] xml = HelpPages.sitemap(canonical, articles, help.lastChange(articles)).getBytes(StandardCharsets.UTF_8);
      send(request, response, 200, "application/xml; charset=utf-8", xml, PAGE_CACHE, null);
    } else if (segments.length == 2 && Locales.normalize(segments[0]) != null && StorableText.isStorable(segments[1])) {
      Optional<Article> article = help.article(ref, Locales.normalize(segments[0]), segments[1]);
      if (article.isPresent()) {
        send(request, response, 200, HelpPages.article(site, links, canonical, article.get()), PAGE_CACHE);
      } else {
        send(request, response, 404, HelpPages.notFound(site, links), "no-cache");
      }
    } else {
      send(request, response, 404, HelpPages.notFound(site, links), "no-cache");
    }
  }

  /** Counts the request against its address's limit; past it, answers 429 with {@code Retry-After}. */
  private boolean limited(HttpServletRequest request, HttpServletResponse response) throws IOException {
    ClientAddress client = clients.of(request);
    if (client.exempt() || perIp <= 0) {
      return false;
    }
    Usage usage = LIMITER.take(new Limit("help:" + client.value(), perIp));
    response.setHeader("RateLimit-Limit", String.valueOf(usage.limit().max()));
    response.setHeader("RateLimit-Remaining", String.valueOf(usage.remaining()));
    response.setHeader("RateLimit-Reset", String.valueOf(usage.resetSeconds()));
    if (!usage.exceeded()) {
      return false;
    }
    byte[] body = ("Too many requests: try again in " + usage.resetSeconds() + " s.\n").getBytes(StandardCharsets.UTF_8);
    response.setStatus(429);
    response.setHeader("Retry-After", String.valueOf(usage.resetSeconds()));
    headers(response, "text/plain; charset=utf-8", "no-store", null);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
    return true;
  }

  /** No help center here (an unknown app key, or a host whose domain is not verified). */
  void unknown(HttpServletResponse response) throws IOException {
    HelpPages.Page page = HelpPages.unknown();
    byte[] body = page.html().getBytes(StandardCharsets.UTF_8);
    response.setStatus(404);
    headers(response, "text/html; charset=utf-8", "no-cache", page.contentSecurityPolicy());
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  private static void send(HttpServletRequest request, HttpServletResponse response, int status, HelpPages.Page page, String cache)
      throws IOException {
    send(request, response, status, "text/html; charset=utf-8", page.html().getBytes(StandardCharsets.UTF_8), cache,
        page.contentSecurityPolicy());
  }

  private static void send(HttpServletRequest request, HttpServletResponse response, int status, String type, byte[] body,
      String cache, String policy) throws IOException {
    headers(response, type, cache, policy);
    if (status == 200) {
      String etag = "\"" + Asset.sha256(body).substring(0, 32) + "\"";
      response.setHeader("ETag", etag);
      if (matches(request.getHeader("If-None-Match"), etag)) {
        response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
        return;
      }
    }
    response.setStatus(status);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  private static void headers(HttpServletResponse response, String type, String cache, String policy) {
    response.setContentType(type);
    response.setHeader("Cache-Control", cache);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    if (policy != null) {
      response.setHeader("Content-Security-Policy", policy);
    }
  }

  /** Whether {@code If-None-Match} names this tag ({@code *}, or in a list, weak or strong). */
  private static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    if (ifNoneMatch.trim().equals("*")) {
      return true;
    }
    for (String tag : ifNoneMatch.split(",")) {
      String candidate = tag.trim();
      if (candidate.startsWith("W/")) {
        candidate = candidate.substring(2);
      }
      if (candidate.equals(etag)) {
        return true;
      }
    }
    return false;
  }

  /** What was typed, as something the database can take: at most 200 characters, unstorable ones replaced. */
  private static String query(String q) {
    if (q == null) {
      return "";
    }
    String text = StorableText.printable(q).strip();
    return text.length() > HelpSite.MAX_QUERY ? text.substring(0, HelpSite.MAX_QUERY) : text;
  }

  static String origin(HttpServletRequest request) {
    int port = request.getServerPort();
    boolean standard = (request.getScheme().equals("http") && port == 80) || (request.getScheme().equals("https") && port == 443);
    return request.getScheme() + "://" + request.getServerName() + (standard ? "" : ":" + port);
  }
}
