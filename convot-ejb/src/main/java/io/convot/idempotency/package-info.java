/**
 * Idempotency keys: a POST sent again with the same {@code Idempotency-Key} by the same caller within
 * the key's lifetime gets the first response back instead of running again. This package stores
 * the keys and their responses (sealed) and decides, under the key's row lock, whether a request
 * runs, replays or is refused; the web layer applies it to every POST of the REST API.
 */
package io.convot.idempotency;
