/**
 * Data lifecycle: an organization's cancellation and its grace period (read-only meanwhile, every
 * owner told by mail, undone by reactivation), an app's deletion and its grace period, the deletion
 * job that removes what waited out its grace period (every table with an {@code organization_id},
 * found in PostgreSQL's catalog, a batch at a time) and records what it removed in
 * {@code deletion_log}, and exports of an organization's data as JSON Lines.
 */
package io.convot.lifecycle;
