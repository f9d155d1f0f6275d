/**
 * The {@code /metrics} endpoint's door: MicroProfile Metrics serves it (Open Liberty's own endpoint), and a
 * Jakarta Authentication module registered for that endpoint alone lets through only a scraper that sends
 * {@code Authorization: Bearer <convot.metrics.token>}.
 */
package io.convot.web.metrics;
