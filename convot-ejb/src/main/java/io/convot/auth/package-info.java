/**
 * Authentication: sign-up, sign-in, RS256 JWTs verified by MicroProfile JWT and revocable at once,
 * tokens for integrations (JWTs a member issues to act as themselves from another system, listed by
 * name and revocable one by one; only their ids are stored), API keys, password hashing, and the
 * caller every other service acts for.
 */
package io.convot.auth;
