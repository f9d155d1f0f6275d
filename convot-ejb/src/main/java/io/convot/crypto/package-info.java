/**
 * Secrets Convot must use again (third-party tokens, webhook signing secrets) encrypted at the
 * application layer: AES-256-GCM under keys that come from configuration and never from the
 * database, each ciphertext naming the key that sealed it so keys can rotate.
 */
package io.convot.crypto;
