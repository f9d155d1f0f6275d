/**
 * The Shopify Partner integration: an organization connects its Partner API token (sealed at rest),
 * a scheduler queues one sync run per integration and interval, and a listener reads each app's
 * lifecycle events and transactions through the Partner API, folding them into per-shop revenue and
 * churn risk. Twelve failed runs in a row stop the schedule until someone asks for a sync.
 */
package io.convot.shopify;
