package io.convot.helpcenter;

/**
 * An article's fields as a client sent them; on a change, null keeps a field's value, except
 * {@code category}, which {@code categorySet} says was sent (null then clears it).
 */
public record ArticleRequest(String title, String slug, String bodyMarkdown, String category, boolean categorySet,
    String locale, String status) {}
