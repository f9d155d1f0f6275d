package io.convot.auth;

import io.convot.member.Member;
import io.convot.organization.Organization;

/** A signed-in member: who, in which organization, and their token. */
public record Session(Organization organization, Member member, IssuedToken token) {}
