/**
 * Authentication: sign-up, sign-in, RS256 JWTs verified by MicroProfile JWT and revocable at once,
 * API keys, password hashing, and the caller every other service acts for.
 */
package io.convot.auth;
