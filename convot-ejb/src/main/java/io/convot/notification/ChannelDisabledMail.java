package io.convot.notification;

import io.convot.common.Html;

/**
 * The mail an owner gets when a Slack or Discord channel was disabled because its incoming webhook
 * is gone: which channel (by its hint: the URL itself is a credential and never goes in a mail),
 * why, and how to turn it on again.
 */
final class ChannelDisabledMail {

  private ChannelDisabledMail() {}

  static Mail compose(NotificationChannel channel, String organization, Owners.Recipient owner, String channelsLink) {
    String kind = channel.kind() == NotificationChannel.Kind.slack ? "Slack" : "Discord";
    String greeting = owner.name() == null || owner.name().isBlank() ? "Hello," : "Hello " + owner.name() + ",";
    String fix = "PATCH /api/v1/notification-channels/" + channel.id() + " with {\"url\": \"<the new incoming webhook URL>\"}";
    String text = """
        %s

        Convot disabled a %s channel of %s: it no longer receives notifications.

        Channel:     %s
        Channel id:  %s
        Why:         %s
        Events:      %s

        The incoming webhook was deleted in %s, or its channel was. To get notifications there again,
        create a new incoming webhook and save its URL for this channel in Convot:
          %s
        or through the API:
          %s

        You get this mail because you are an owner of %s on Convot.
        """.formatted(greeting, kind, organization, channel.urlHint(), channel.id(), channel.disabledReason(),
        String.join(", ", channel.eventTypes()), kind, channelsLink, fix, organization);
    String html = """
        <!DOCTYPE html>
        <html><body style="font-family: sans-serif; line-height: 1.4">
        <p>%s</p>
        <p>Convot disabled a %s channel of %s: it no longer receives notifications.</p>
        <table cellpadding="4">
        <tr><th align="left">Channel</th><td>%s</td></tr>
        <tr><th align="left">Channel id</th><td><code>%s</code></td></tr>
        <tr><th align="left">Why</th><td>%s</td></tr>
        <tr><th align="left">Events</th><td>%s</td></tr>
        </table>
        <p>The incoming webhook was deleted in %s, or its channel was. To get notifications there again, create a new
        incoming webhook and save its URL for this channel in <a href="%s">Convot's channel settings</a>, or through the API:
        <code>%s</code></p>
        <p style="color: #666">You get this mail because you are an owner of %s on Convot.</p>
        </body></html>
        """.formatted(Html.escape(greeting), kind, Html.escape(organization), Html.escape(channel.urlHint()), channel.id(),
        Html.escape(channel.disabledReason()), Html.escape(String.join(", ", channel.eventTypes())), kind,
        Html.escape(channelsLink), Html.escape(fix), Html.escape(organization));
    return Mail.of(owner.email(), kind + " channel disabled: " + channel.urlHint(), text, html);
  }
}
