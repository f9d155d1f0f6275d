/**
 * Webhooks: the building blocks of delivering events to integrators' endpoints under the Standard
 * Webhooks contract. It owns the endpoint secrets ({@link io.convot.webhook.WebhookSecret}), the
 * signature of every attempt ({@link io.convot.webhook.WebhookSignature}), when a failed delivery
 * is tried again ({@link io.convot.webhook.RetrySchedule}), which URLs may be called at all
 * ({@link io.convot.webhook.TargetGuard}, against SSRF and DNS rebinding) and the one HTTP attempt
 * itself ({@link io.convot.webhook.WebhookHttp}). All of them are thread-safe. Around them: the
 * relay, the delivery listener, the server run that every queued attempt message is recorded
 * against ({@link io.convot.webhook.ServerRun}), the sweeper that sends again what a crashed run may
 * have left half-queued ({@link io.convot.webhook.WebhookSweeper}), and the delivery log's retention.
 */
package io.convot.webhook;
