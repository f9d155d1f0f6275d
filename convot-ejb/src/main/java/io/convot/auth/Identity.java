package io.convot.auth;

import io.convot.access.Caller;
import io.convot.member.Member;
import io.convot.organization.Organization;

/** {@code GET /me}: the organization and, for a signed-in member, the member ({@code null} for an API key). */
public record Identity(Organization organization, Member member, Caller caller) {}
