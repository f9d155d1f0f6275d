package io.convot.web.asset;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * A static file held in memory with its gzip form and a content hash: compressed once rather than
 * per request, and revalidated by entity tag. The widget's and the dashboard's files are served
 * from these.
 */
public record Asset(String mediaType, byte[] plain, byte[] gzipped, String hash) {

  public static Asset of(String mediaType, byte[] plain) {
    return new Asset(mediaType, plain, gzip(plain), sha256(plain).substring(0, 16));
  }

  public static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(digest(bytes));
  }

  public static byte[] digest(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether to send the gzip form to a client with this {@code Accept-Encoding}: it takes gzip and gzip helps. */
  public boolean gzipFor(String acceptEncoding) {
    return gzipped.length < plain.length && acceptsGzip(acceptEncoding);
  }

  /** Whether {@code If-None-Match} names this asset (its tag, weak or strong, or {@code *}). */
  public boolean matches(String ifNoneMatch) {
    return ifNoneMatch != null && (ifNoneMatch.contains("\"" + hash + "\"") || ifNoneMatch.trim().equals("*"));
  }

  /** The entity tag, weak: the gzip and the plain form of an asset are the same content. */
  public String etag() {
    return "W/\"" + hash + "\"";
  }

  /** Whether {@code Accept-Encoding} names gzip (or *) without {@code q=0}. */
  static boolean acceptsGzip(String encodings) {
    if (encodings == null) {
      return false;
    }
    for (String part : encodings.toLowerCase(Locale.ROOT).split(",")) {
      String[] pieces = part.trim().split(";");
      String coding = pieces[0].trim();
      if (coding.equals("gzip") || coding.equals("*")) {
        boolean refused = false;
        for (int i = 1; i < pieces.length; i++) {
          String parameter = pieces[i].replace(" ", "");
          refused |= parameter.matches("q=0(\\.0{0,3})?");
        }
        if (!refused) {
          return true;
        }
      }
    }
    return false;
  }

  private static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
