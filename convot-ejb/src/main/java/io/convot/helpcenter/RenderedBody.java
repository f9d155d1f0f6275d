package io.convot.helpcenter;

/** An article body rendered from Markdown: sanitized HTML to show, plain text to index and describe. */
public record RenderedBody(String html, String text) {}
