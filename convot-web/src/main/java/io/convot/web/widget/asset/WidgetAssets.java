package io.convot.web.widget.asset;

import io.convot.web.asset.Asset;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The widget's front-end files, read once from the class path. {@code frame.html} names its script
 * and style sheet with a version (a hash of both), so those two can be cached for good.
 */
final class WidgetAssets {

  static final String JAVASCRIPT = "application/javascript; charset=utf-8";
  static final String CSS = "text/css; charset=utf-8";
  static final String HTML = "text/html; charset=utf-8";

  static final Asset LOADER = Asset.of(JAVASCRIPT, read("loader.js"));
  static final Asset EMBED = Asset.of(JAVASCRIPT, read("embed.js"));
  static final Asset FRAME_JS = Asset.of(JAVASCRIPT, read("frame.js"));
  static final Asset FRAME_CSS = Asset.of(CSS, read("frame.css"));
  static final String VERSION = Asset.sha256((FRAME_JS.hash() + FRAME_CSS.hash()).getBytes(StandardCharsets.UTF_8))
      .substring(0, 12);
  static final Asset FRAME_HTML = Asset.of(HTML,
      new String(read("frame.html"), StandardCharsets.UTF_8).replace("{{version}}", VERSION).getBytes(StandardCharsets.UTF_8));

  private WidgetAssets() {}

  private static byte[] read(String name) {
    try (InputStream in = WidgetAssets.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("Missing widget asset " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
