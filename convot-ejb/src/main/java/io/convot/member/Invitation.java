package io.convot.member;

import java.time.Instant;

/** A new invitation: the member and the one-time link that only this response shows. */
public record Invitation(Member member, String url, Instant expiresAt) {}
