package io.convot.web.dashboard;

import io.convot.web.asset.Asset;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLConnection;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Serves the dashboard's files (/app/) and the libraries it imports (/webjars/) from memory, each
 * read and gzipped once. The libraries' paths name their version, so browsers keep them for good;
 * the dashboard's own files are revalidated at every load (a 304 while unchanged), so a new release
 * shows at the next reload. Everything under /app/ carries the dashboard's content security policy.
 * Other methods go on to the container, which refuses them as before.
 */
@WebFilter(urlPatterns = {"/app/*", "/webjars/*"}, asyncSupported = true)
public class DashboardFileFilter implements Filter {

  private static final String INDEX = "/app/index.html";
  private static final String FOREVER = "public, max-age=31536000, immutable";
  private static final String REVALIDATE = "no-cache";
  /** Plain names only: no dot segments, no escapes, nothing a file system reads differently. */
  private static final Pattern FILE = Pattern.compile("^/(app|webjars)(/[A-Za-z0-9_@-][A-Za-z0-9_.@-]*)+$");

  private final Map<String, DashboardFile> files = new ConcurrentHashMap<>();
  private ServletContext context;
  private ContentSecurityPolicy policy;

  /** A file as served: its content, when it last changed (0: unknown) and how long browsers keep it. */
  private record DashboardFile(Asset asset, long lastModified, String cacheControl) {}

  @Override
  public void init(FilterConfig config) {
    context = config.getServletContext();
    DashboardFile index = file(INDEX);
    if (index == null) {
      throw new IllegalStateException("The dashboard's page " + INDEX + " is missing from the web module");
    }
    policy = ContentSecurityPolicy.of(index.asset().plain());
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    String path = path(request);
    boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    if (!read || path.equals("/app")) {
      chain.doFilter(req, res); // the container redirects /app to /app/ and refuses other methods
      return;
    }
    DashboardFile file = FILE.matcher(path).matches() ? file(path) : null;
    if (file == null) {
      // Answered here: the container's own 404 for a missing file also writes an incident report to the log.
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    send(file, path, request, response);
  }

  private static String path(HttpServletRequest request) {
    String path = request.getServletPath() + Objects.toString(request.getPathInfo(), "");
    return path.equals("/app/") ? INDEX : path;
  }

  private void send(DashboardFile file, String path, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Asset asset = file.asset();
    response.setHeader("Cache-Control", file.cacheControl());
    response.setHeader("ETag", asset.etag());
    if (file.lastModified() > 0) {
      response.setDateHeader("Last-Modified", file.lastModified());
    }
    response.setHeader("Vary", "Accept-Encoding");
    response.setHeader("X-Content-Type-Options", "nosniff");
    if (path.startsWith("/app/")) {
      response.setHeader("Content-Security-Policy", policy.header(request.getHeader("Host")));
      response.setHeader("Referrer-Policy", "no-referrer");
    }
    if (notModified(file, request)) {
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return;
    }
    sendBody(asset, request, response);
  }

  private static void sendBody(Asset asset, HttpServletRequest request, HttpServletResponse response) throws IOException {
    boolean gzip = asset.gzipFor(request.getHeader("Accept-Encoding"));
    byte[] body = gzip ? asset.gzipped() : asset.plain();
    response.setContentType(asset.mediaType());
    if (gzip) {
      response.setHeader("Content-Encoding", "gzip");
    }
    response.setContentLength(body.length);
    if (!"HEAD".equals(request.getMethod())) {
      response.getOutputStream().write(body);
    }
  }

  /** {@code If-None-Match} decides when sent (RFC 9110, 13.2.2); else {@code If-Modified-Since}, to the second. */
  private static boolean notModified(DashboardFile file, HttpServletRequest request) {
    String ifNoneMatch = request.getHeader("If-None-Match");
    if (ifNoneMatch != null) {
      return file.asset().matches(ifNoneMatch);
    }
    long since = date(request.getHeader("If-Modified-Since"));
    return since >= 0 && file.lastModified() > 0 && file.lastModified() / 1000 <= since / 1000;
  }

  /**
   * An HTTP date in milliseconds, -1 when absent or not a date (then ignored, as RFC 9110 says). Not
   * {@code getDateHeader}: the container reports every date it cannot parse as an incident in the log.
   */
  private static long date(String header) {
    try {
      return header == null ? -1 : ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      return -1;
    }
  }

  /** The file at this path, read once; null when the web module has none (or it is no file of a known type). */
  private DashboardFile file(String path) {
    return files.computeIfAbsent(path, this::read);
  }

  private DashboardFile read(String path) {
    String mediaType = mediaType(path);
    try {
      URL url = mediaType == null ? null : context.getResource(path);
      if (url == null) {
        return null;
      }
      URLConnection connection = url.openConnection();
      try (InputStream in = connection.getInputStream()) {
        byte[] content = in.readAllBytes();
        return new DashboardFile(Asset.of(mediaType, content), connection.getLastModified(),
            path.startsWith("/webjars/") ? FOREVER : REVALIDATE);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + path, e);
    }
  }

  /** Scripts as text/javascript (RFC 9239); a name the container knows no type for (a directory) is not ours. */
  private String mediaType(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    String extension = name.substring(name.lastIndexOf('.') + 1);
    return switch (extension) {
      case "js" -> "text/javascript; charset=utf-8";
      case "css" -> "text/css; charset=utf-8";
      case "html" -> "text/html; charset=utf-8";
      default -> name.contains(".") ? context.getMimeType(name) : null;
    };
  }
}
