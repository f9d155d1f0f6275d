package io.convot.webhook;

import io.convot.common.ConvotException;
import io.convot.common.ErrorCode;
import io.convot.common.FieldError;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Which URLs a webhook may call. Endpoints are typed in by customers while the requests leave from
 * inside our network, so a URL that leads to a non-public address (our database, the cloud metadata
 * service, the operator's LAN) is refused: when the endpoint is saved ({@link #checkUrl}) and again
 * when each attempt connects ({@link #checkAddresses}), because DNS may answer differently by then.
 */
public final class TargetGuard {

  private static final String FIELD = "url";
  private static final int MAX_URL_LENGTH = 2000;

  private final boolean allowHttp;
  private final boolean allowPrivateTargets;

  /**
   * @param allowHttp whether plain {@code http} URLs are accepted, not only {@code https}
   * @param allowPrivateTargets whether non-public addresses are accepted (on-premises receivers, tests)
   */
  public TargetGuard(boolean allowHttp, boolean allowPrivateTargets) {
    this.allowHttp = allowHttp;
    this.allowPrivateTargets = allowPrivateTargets;
  }

  /**
   * The URL as it will be called: scheme and host in lower case, no fragment. Throws a
   * {@code VALIDATION_FAILED} {@link ConvotException} with a field error on {@code url} otherwise.
   */
  public URI checkUrl(String url) {
    URI uri = checkSyntax(url);
    checkAddresses(uri.getHost(), resolve(uri.getHost()));
    return uri;
  }

  /**
   * Refuses {@code host} when any of its addresses is not public (an attacker's DNS may mix a
   * public address with a private one, hoping we pick the latter).
   */
  public void checkAddresses(String host, InetAddress[] addresses) {
    if (addresses == null || addresses.length == 0) {
      throw refusal("unknown_host", host + " does not resolve to any address");
    }
    if (allowPrivateTargets) {
      return;
    }
    for (InetAddress address : addresses) {
      if (NonPublicAddresses.contains(address)) {
        throw refusal("forbidden_target",
            host + " resolves to " + address.getHostAddress() + ", which is not a public internet address");
      }
    }
  }

  /** Everything {@link #checkUrl} checks except name resolution, which is left to connect time. */
  URI checkSyntax(String url) {
    if (url == null || url.isBlank()) {
      throw refusal("invalid_url", "url is required");
    }
    if (url.length() > MAX_URL_LENGTH) {
      throw refusal("invalid_url", "url must be at most " + MAX_URL_LENGTH + " characters");
    }
    URI uri;
    try {
      uri = new URI(url.trim());
    } catch (URISyntaxException e) {
      throw refusal("invalid_url", "url is not a valid URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http") || uri.isOpaque()) {
      throw refusal("invalid_url", "url must be an absolute " + (allowHttp ? "http or https" : "https") + " URL");
    }
    if (scheme.equals("http") && !allowHttp) {
      throw refusal("scheme_not_allowed", "url must use https");
    }
    if (uri.getRawUserInfo() != null) {
      throw refusal("userinfo_not_allowed", "url must not contain a user name or password");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw refusal("invalid_url", "url must name a valid host");
    }
    if (uri.getPort() == 0 || uri.getPort() > 65535) {
      throw refusal("invalid_url", "url has an invalid port");
    }
    return normalized(uri, scheme);
  }

  private static URI normalized(URI uri, String scheme) {
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
    return URI.create(scheme + "://" + host + port + path + query);
  }

  private static InetAddress[] resolve(String host) {
    try {
      return InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      throw refusal("unknown_host", host + " does not resolve to any address");
    }
  }

  private static ConvotException refusal(String code, String message) {
    return new ConvotException(ErrorCode.VALIDATION_FAILED, "The webhook URL is not allowed",
        List.of(new FieldError(FIELD, code, message)));
  }
}
