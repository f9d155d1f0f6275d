package io.convot.web.json;

/**
 * PATCH bodies are JSON Merge Patch (RFC 7396): a field left out is unchanged. They are accepted
 * as {@code application/merge-patch+json} as well as {@code application/json}.
 */
public final class MergePatch {

  public static final String MEDIA_TYPE = "application/merge-patch+json";

  private MergePatch() {}
}
