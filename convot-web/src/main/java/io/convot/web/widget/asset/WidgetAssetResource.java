package io.convot.web.widget.asset;

import io.convot.web.asset.Asset;
import io.convot.widget.WidgetConfig;
import io.convot.widget.WidgetService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The chat widget's front-end: {@code loader.js} for the host page ({@code embed.js} for the chat
 * inside one of its elements), and the frame it embeds
 * ({@code frame} with its {@code frame.js} and {@code frame.css}). The frame may only be embedded
 * by the origins the app allows.
 */
@Path("/")
public class WidgetAssetResource {

  private static final String SHORT_CACHE = "public, max-age=300";
  private static final String FOREVER = "public, max-age=31536000, immutable";
  /** An allowed origin as {@code io.convot.app.AllowedOrigins} stores it, safe in a header. */
  private static final Pattern ORIGIN = Pattern.compile("^https?://(\\*\\.)?[a-z0-9.-]+(:[0-9]{1,5})?$");

  @Inject WidgetService widget;

  @GET
  @Path("loader.js")
  public Response loader(@HeaderParam(HttpHeaders.ACCEPT_ENCODING) String encodings,
      @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
    return send(WidgetAssets.LOADER, SHORT_CACHE, encodings, ifNoneMatch);
  }

  /** The inline embed: the chat panel inside an element of the host page, with the same SDK. */
  @GET
  @Path("embed.js")
  public Response embed(@HeaderParam(HttpHeaders.ACCEPT_ENCODING) String encodings,
      @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
    return send(WidgetAssets.EMBED, SHORT_CACHE, encodings, ifNoneMatch);
  }

  @GET
  @Path("frame.js")
  public Response frameScript(@QueryParam("v") String version,
      @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String encodings,
      @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
    return send(WidgetAssets.FRAME_JS, cacheFor(version), encodings, ifNoneMatch);
  }

  @GET
  @Path("frame.css")
  public Response frameStyle(@QueryParam("v") String version,
      @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String encodings,
      @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
    return send(WidgetAssets.FRAME_CSS, cacheFor(version), encodings, ifNoneMatch);
  }

  /** The chat frame of one app; an unknown app key is a 404 problem. */
  @GET
  @Path("frame")
  public Response frame(@QueryParam("app_id") String appKey,
      @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String encodings, @Context UriInfo uri) {
    WidgetConfig config = widget.config(appKey);
    return build(WidgetAssets.FRAME_HTML, encodings)
        .header("Cache-Control", "no-cache")
        .header("Content-Security-Policy", contentSecurityPolicy(config, uri.getBaseUri()))
        .header("Referrer-Policy", "no-referrer")
        .build();
  }

  /**
   * Scripts, styles, images and connections from this origin only (plus the realtime WebSocket on
   * the same host, which {@code 'self'} does not cover in every browser, and images over HTTPS, which
   * help-center articles show from wherever their authors host them), and framing by the app's
   * allowed origins only.
   */
  static String contentSecurityPolicy(WidgetConfig config, URI base) {
    String host = base.getAuthority();
    StringBuilder ancestors = new StringBuilder("frame-ancestors 'self'");
    for (String origin : config.allowedOrigins()) {
      String candidate = origin.toLowerCase(Locale.ROOT);
      if (ORIGIN.matcher(candidate).matches()) {
        ancestors.append(' ').append(candidate);
      }
    }
    return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; "
        + "connect-src 'self' ws://" + host + " wss://" + host + "; "
        + "object-src 'none'; base-uri 'none'; form-action 'none'; " + ancestors;
  }

  private static String cacheFor(String version) {
    return WidgetAssets.VERSION.equals(version) ? FOREVER : SHORT_CACHE;
  }

  private static Response send(Asset asset, String cacheControl, String encodings, String ifNoneMatch) {
    if (asset.matches(ifNoneMatch)) {
      return Response.notModified().tag(etag(asset)).header("Cache-Control", cacheControl)
          .header("Vary", HttpHeaders.ACCEPT_ENCODING).build();
    }
    return build(asset, encodings).tag(etag(asset)).header("Cache-Control", cacheControl).build();
  }

  /** Weak: the gzip and the plain form of an asset are the same content. */
  private static EntityTag etag(Asset asset) {
    return new EntityTag(asset.hash(), true);
  }

  private static Response.ResponseBuilder build(Asset asset, String encodings) {
    boolean gzip = asset.gzipFor(encodings);
    Response.ResponseBuilder response = Response.ok(gzip ? asset.gzipped() : asset.plain(), asset.mediaType())
        .header("Vary", HttpHeaders.ACCEPT_ENCODING)
        .header("X-Content-Type-Options", "nosniff");
    return gzip ? response.header(HttpHeaders.CONTENT_ENCODING, "gzip") : response;
  }
}
