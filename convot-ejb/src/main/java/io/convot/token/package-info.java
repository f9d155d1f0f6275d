/**
 * Tokens for integrations: JWTs a member issues to act as themselves from another system, verified
 * like sign-in tokens, listed by name and revocable one by one. Only their ids are stored.
 */
package io.convot.token;
