package io.convot.web.token;

/** {@code POST /tokens}: a name to recognise the token by, and optionally a shorter life in seconds. */
public record IssueTokenRequest(String name, Long expiresIn) {}
