package io.convot.it.dashboard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Api;
import io.convot.it.support.ProblemAssert;
import io.convot.it.support.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's files as browsers get them: gzipped when accepted, the right types, the
 * libraries cached for good and the dashboard's own files revalidated (304 while unchanged), and
 * the page's content security policy, whose hash must match the import map the page carries.
 */
class DashboardFilesIT {

  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private static final Pattern IMPORT_MAP = Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL);

  @Test
  void pageIsGzippedForBrowsersThatAcceptItAndPlainForOthers() {
    HttpResponse<byte[]> gzipped = get("/app/", "Accept-Encoding", "gzip, deflate, br");
    HttpResponse<byte[]> plain = get("/app/");

    assertEquals(200, gzipped.statusCode());
    assertEquals("gzip", header(gzipped, "Content-Encoding"));
    assertEquals("text/html; charset=utf-8", header(gzipped, "Content-Type").toLowerCase());
    assertEquals(String.valueOf(gzipped.body().length), header(gzipped, "Content-Length"));
    assertTrue(header(gzipped, "Vary").contains("Accept-Encoding"), () -> "Vary: " + header(gzipped, "Vary"));
    assertEquals(200, plain.statusCode());
    assertNull(header(plain, "Content-Encoding"));
    assertArrayEquals(plain.body(), gunzip(gzipped.body()));
    assertTrue(gzipped.body().length < plain.body().length);
    assertTrue(text(plain).contains("<script type=\"importmap\">"), () -> text(plain));
  }

  @Test
  void scriptsAndStyleSheetsHaveTheirTypes() {
    assertEquals("text/javascript; charset=utf-8", header(get("/app/main.js"), "Content-Type").toLowerCase());
    assertEquals("text/css; charset=utf-8", header(get("/app/app.css"), "Content-Type").toLowerCase());
    assertEquals("text/html; charset=utf-8", header(get("/app/index.html"), "Content-Type").toLowerCase());
    HttpResponse<byte[]> lit = get(libraryPath("lit"), "Accept-Encoding", "gzip");
    assertEquals(200, lit.statusCode());
    assertEquals("text/javascript; charset=utf-8", header(lit, "Content-Type").toLowerCase());
    assertEquals("gzip", header(lit, "Content-Encoding"));
  }

  @Test
  void librariesAreCachedForGoodAndTheDashboardsFilesRevalidated() {
    assertEquals("public, max-age=31536000, immutable", header(get(libraryPath("lit")), "Cache-Control"));
    assertEquals("public, max-age=31536000, immutable", header(get(libraryPath("@lit/reactive-element")), "Cache-Control"));
    for (String path : List.of("/app/", "/app/main.js", "/app/app.css")) {
      HttpResponse<byte[]> file = get(path);
      assertEquals("no-cache", header(file, "Cache-Control"), path);
      assertNotNull(header(file, "ETag"), path);
      assertNotNull(header(file, "Last-Modified"), path);
    }
  }

  @Test
  void unchangedFilesAnswer304ByEntityTagOrDate() {
    HttpResponse<byte[]> first = get("/app/main.js", "Accept-Encoding", "gzip");
    String etag = header(first, "ETag");
    String lastModified = header(first, "Last-Modified");

    HttpResponse<byte[]> byTag = get("/app/main.js", "If-None-Match", etag, "Accept-Encoding", "gzip");
    assertEquals(304, byTag.statusCode());
    assertEquals(0, byTag.body().length);
    assertEquals(etag, header(byTag, "ETag"));
    assertEquals("no-cache", header(byTag, "Cache-Control"));
    assertEquals(304, get("/app/main.js", "If-Modified-Since", lastModified).statusCode());
    assertEquals(304, get("/app/", "If-None-Match", header(get("/app/"), "ETag")).statusCode());
    assertEquals(304, get(libraryPath("lit"), "If-None-Match", header(get(libraryPath("lit")), "ETag")).statusCode());

    assertEquals(200, get("/app/main.js", "If-None-Match", "W/\"0123456789abcdef\"").statusCode());
    assertEquals(200, get("/app/main.js", "If-None-Match", "W/\"0123456789abcdef\"", "If-Modified-Since", lastModified)
        .statusCode(), "an entity tag that does not match wins over the date");
    assertEquals(200, get("/app/main.js", "If-Modified-Since", "Sat, 01 Jan 2000 00:00:00 GMT").statusCode());
    assertNotEquals(etag, header(get("/app/app.css"), "ETag"));
  }

  @Test
  void pageAllowsOnlyItsOwnOriginAndItsImportMapByHash() throws Exception {
    HttpResponse<byte[]> page = get("/app/");
    Matcher importMap = IMPORT_MAP.matcher(text(page));
    assertTrue(importMap.find(), "the page has an import map");
    String hash = Base64.getEncoder().encodeToString(
        MessageDigest.getInstance("SHA-256").digest(importMap.group(1).getBytes(StandardCharsets.UTF_8)));
    String host = URI.create(Api.BASE_URL).getAuthority();

    Map<String, String> policy = directives(header(page, "Content-Security-Policy"));
    assertEquals("'self'", policy.get("default-src"));
    assertEquals("'self' 'sha256-" + hash + "'", policy.get("script-src"));
    assertEquals("'self'", policy.get("style-src"));
    assertEquals("'self' data:", policy.get("img-src"));
    assertEquals("'self' ws://" + host + " wss://" + host, policy.get("connect-src"));
    assertEquals("'none'", policy.get("object-src"));
    assertEquals("'none'", policy.get("base-uri"));
    assertEquals("'none'", policy.get("frame-ancestors"));
    assertEquals("nosniff", header(page, "X-Content-Type-Options"));
    assertEquals("no-referrer", header(page, "Referrer-Policy"));
    assertEquals(header(page, "Content-Security-Policy"), header(get("/app/main.js"), "Content-Security-Policy"));
    assertEquals("nosniff", header(get(libraryPath("lit")), "X-Content-Type-Options"));
  }

  @Test
  void aHostHeaderThatIsNoHostNameIsNotRepeatedInThePolicy() throws IOException {
    URI base = URI.create(Api.BASE_URL);
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(("GET /app/ HTTP/1.1\r\nHost: evil.example;script-src *\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
      String head = response.substring(0, Math.max(0, response.indexOf("\r\n\r\n")));
      assertTrue(head.startsWith("HTTP/1.1 200") || head.startsWith("HTTP/1.1 400"), head);
      assertFalse(head.contains("evil.example"), head);
    }
  }

  @Test
  void unknownFilesDirectoriesAndBadDatesLeaveNoIncidentInTheLog() {
    String logBefore = TestServer.log();
    ProblemAssert.assertProblem(Api.anonymous().get("/app/no-such-file.js"), 404, "not_found");
    ProblemAssert.assertProblem(Api.anonymous().get("/webjars/lit/0.0.0/index.js"), 404, "not_found");
    ProblemAssert.assertProblem(Api.anonymous().get("/app/pages/"), 404, "not_found");
    ProblemAssert.assertProblem(Api.anonymous().get("/app/pages"), 404, "not_found");
    ProblemAssert.assertProblem(Api.anonymous().get("/webjars/lit/"), 404, "not_found");
    assertEquals(200, get("/app/main.js", "If-Modified-Since", "yesterday").statusCode());
    assertEquals(302, get("/app").statusCode());
    assertEquals("/app/", URI.create(header(get("/app"), "Location")).getPath());

    String logDuring = TestServer.log().substring(logBefore.length());
    assertFalse(logDuring.contains("FFDC") || logDuring.contains("\tat "), logDuring);
  }

  @Test
  void theWidgetsFilesStillAnswer304AndGzip() {
    HttpResponse<byte[]> loader = get("/widget/v1/loader.js", "Accept-Encoding", "gzip");
    assertEquals(200, loader.statusCode());
    assertEquals("gzip", header(loader, "Content-Encoding"));
    assertEquals(304, get("/widget/v1/loader.js", "If-None-Match", header(loader, "ETag")).statusCode());
  }

  @Test
  void startUpLogSaysWhereTheDashboardIs() {
    assertTrue(TestServer.log().contains("Convot dashboard: " + Api.BASE_URL + "/app/"),
        "the server's log names " + Api.BASE_URL + "/app/");
  }

  /** The path the page's import map gives a library ({@code "lit"}), as the browser resolves it. */
  private static String libraryPath(String specifier) {
    Matcher importMap = IMPORT_MAP.matcher(text(get("/app/")));
    assertTrue(importMap.find(), "the page has an import map");
    JsonObject imports = Json.createReader(new StringReader(importMap.group(1))).readObject().getJsonObject("imports");
    return imports.getString(specifier);
  }

  private static Map<String, String> directives(String policy) {
    assertNotNull(policy, "a Content-Security-Policy");
    Map<String, String> directives = new LinkedHashMap<>();
    for (String directive : policy.split(";")) {
      String[] parts = directive.trim().split("\\s+", 2);
      directives.put(parts[0], parts.length > 1 ? parts[1] : "");
    }
    return directives;
  }

  private static HttpResponse<byte[]> get(String path, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Api.BASE_URL + path)).timeout(Duration.ofSeconds(30));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name).orElse(null);
  }

  private static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  private static byte[] gunzip(byte[] gzipped) {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
