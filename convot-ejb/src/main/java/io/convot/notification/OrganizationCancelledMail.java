package io.convot.notification;

import io.convot.common.Html;
import io.convot.lifecycle.OrganizationCancelled;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The mail every owner gets when the organization is cancelled: that it is read-only now, the date
 * its data will be deleted, and how to undo it or take the data along first.
 */
final class OrganizationCancelledMail {

  private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private OrganizationCancelledMail() {}

  static Mail compose(OrganizationCancelled cancelled, String organization, Owners.Recipient owner) {
    String greeting = owner.name() == null || owner.name().isBlank() ? "Hello," : "Hello " + owner.name() + ",";
    String deletion = readable(cancelled.purgeAfter());
    String text = """
        %s

        %s was cancelled on Convot on %s.

        Until %s its data is kept, read-only: members can still sign in and read conversations,
        but nothing can change, widgets show nothing, and webhooks and Shopify syncs are stopped.
        On %s every conversation, message, contact and setting of %s is deleted for good.

        To undo the cancellation, an owner signs in to the dashboard and chooses Reactivate in
        the organization's settings, or calls
             POST /api/v1/organization/reactivate
        To keep a copy of the data first, export it there, or with
             POST /api/v1/organization/export

        You get this mail because you are an owner of %s on Convot.
        """.formatted(greeting, organization, readable(cancelled.cancelledAt()), deletion, deletion, organization, organization);
    String html = """
        <!DOCTYPE html>
        <html><body style="font-family: sans-serif; line-height: 1.4">
        <p>%s</p>
        <p>%s was cancelled on Convot on %s.</p>
        <p>Until <strong>%s</strong> its data is kept, read-only: members can still sign in and read conversations,
        but nothing can change, widgets show nothing, and webhooks and Shopify syncs are stopped.
        On %s every conversation, message, contact and setting of %s is deleted for good.</p>
        <p>To undo the cancellation, an owner signs in to the dashboard and chooses <em>Reactivate</em> in the
        organization's settings, or calls <code>POST /api/v1/organization/reactivate</code>.</p>
        <p>To keep a copy of the data first, export it there, or with <code>POST /api/v1/organization/export</code>.</p>
        <p style="color: #666">You get this mail because you are an owner of %s on Convot.</p>
        </body></html>
        """.formatted(Html.escape(greeting), Html.escape(organization), readable(cancelled.cancelledAt()), deletion, deletion,
        Html.escape(organization), Html.escape(organization));
    return Mail.of(owner.email(), "Your Convot organization is cancelled: data deleted on " + deletion, text, html);
  }

  private static String readable(Instant instant) {
    return READABLE.format(instant);
  }
}
