package io.convot.auth;

/** What signing up takes: the organization's name and its first owner. */
public record SignUp(String organizationName, String name, String email, String password) {}
