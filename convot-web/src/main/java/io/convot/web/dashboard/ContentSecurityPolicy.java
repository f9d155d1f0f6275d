package io.convot.web.dashboard;

import io.convot.web.asset.Asset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dashboard's policy: scripts, styles, connections and images from Convot's own origin only,
 * plus the page's inline scripts (its import map, which the build fills in with the library
 * versions) allowed by their hash, taken from the page as served. No framing at all.
 */
final class ContentSecurityPolicy {

  private static final Pattern INLINE_SCRIPT =
      Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>(.*?)</script>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
  /** A Host header that is safe to repeat in the header: a name or an IP literal, and a port. */
  private static final Pattern HOST = Pattern.compile("^([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\])(:[0-9]{1,5})?$");

  private final String scriptSources;

  private ContentSecurityPolicy(String scriptSources) {
    this.scriptSources = scriptSources;
  }

  static ContentSecurityPolicy of(byte[] page) {
    StringBuilder sources = new StringBuilder("'self'");
    Matcher script = INLINE_SCRIPT.matcher(new String(page, StandardCharsets.UTF_8));
    while (script.find()) {
      byte[] digest = Asset.digest(script.group(1).getBytes(StandardCharsets.UTF_8));
      sources.append(" 'sha256-").append(Base64.getEncoder().encodeToString(digest)).append('\'');
    }
    return new ContentSecurityPolicy(sources.toString());
  }

  /**
   * The header for a page reached at {@code host}: the live socket's ws: and wss: URLs on that host are
   * named as well, since {@code 'self'} does not cover them in every browser.
   */
  String header(String host) {
    String sockets = host != null && HOST.matcher(host).matches() ? " ws://" + host + " wss://" + host : "";
    return "default-src 'self'; script-src " + scriptSources + "; style-src 'self'; img-src 'self' data:; "
        + "connect-src 'self'" + sockets + "; object-src 'none'; base-uri 'none'; form-action 'self'; "
        + "frame-ancestors 'none'";
  }
}
