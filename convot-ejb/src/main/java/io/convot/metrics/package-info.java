/**
 * What Convot adds to MicroProfile Metrics (the application scope of {@code /metrics}): webhook attempts,
 * Shopify sync runs and imports by outcome, live sockets open and queue depths. HTTP timings per route
 * and the database pool come from Open Liberty itself (base and vendor scopes).
 */
package io.convot.metrics;
