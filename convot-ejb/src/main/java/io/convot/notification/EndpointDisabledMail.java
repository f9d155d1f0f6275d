package io.convot.notification;

import io.convot.common.Html;
import io.convot.webhook.EndpointDisabled;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The mail an owner gets when a webhook endpoint disabled itself: which endpoint, why, since when
 * it failed, and the two calls that bring it back. It holds nothing secret: the endpoint's URL and
 * description are the organization's own, and its signing secret is never read.
 */
final class EndpointDisabledMail {

  private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private EndpointDisabledMail() {}

  static Mail compose(EndpointDisabled disabled, String organization, Owners.Recipient owner) {
    String id = disabled.endpointId().toString();
    String since = DateTimeFormatter.ISO_INSTANT.format(disabled.failingSince().truncatedTo(ChronoUnit.SECONDS));
    String enable = "POST /api/v1/webhooks/" + id + "/enable";
    String replay = "POST /api/v1/webhooks/" + id + "/replay";
    String replayBody = "{\"since\": \"" + since + "\"}";
    String description = disabled.description() == null ? "(none)" : disabled.description();
    String greeting = owner.name() == null || owner.name().isBlank() ? "Hello," : "Hello " + owner.name() + ",";

    String text = """
        %s

        Convot disabled a webhook endpoint of %s. It receives no events until it is enabled again.

        Endpoint:      %s
        Description:   %s
        Endpoint id:   %s
        Why:           %s
        Failing since: %s
        Disabled at:   %s

        What to do:
        1. Make sure the receiver at that URL answers again with a 2xx status.
        2. Enable the endpoint:
             %s
        3. Redeliver the deliveries that failed since it began failing:
             %s
             with the body %s
        Events that happen while the endpoint is disabled are not delivered to it.

        You get this mail because you are an owner of %s on Convot.
        """.formatted(greeting, organization, disabled.url(), description, id, disabled.reason(), readable(disabled.failingSince()),
        readable(disabled.disabledAt()), enable, replay, replayBody, organization);

    String html = """
        <!DOCTYPE html>
        <html><body style="font-family: sans-serif; line-height: 1.4">
        <p>%s</p>
        <p>Convot disabled a webhook endpoint of %s. It receives no events until it is enabled again.</p>
        <table cellpadding="4">
        <tr><th align="left">Endpoint</th><td>%s</td></tr>
        <tr><th align="left">Description</th><td>%s</td></tr>
        <tr><th align="left">Endpoint id</th><td><code>%s</code></td></tr>
        <tr><th align="left">Why</th><td>%s</td></tr>
        <tr><th align="left">Failing since</th><td>%s</td></tr>
        <tr><th align="left">Disabled at</th><td>%s</td></tr>
        </table>
        <p>What to do:</p>
        <ol>
        <li>Make sure the receiver at that URL answers again with a 2xx status.</li>
        <li>Enable the endpoint: <code>%s</code></li>
        <li>Redeliver the deliveries that failed since it began failing: <code>%s</code> with the body <code>%s</code></li>
        </ol>
        <p>Events that happen while the endpoint is disabled are not delivered to it.</p>
        <p style="color: #666">You get this mail because you are an owner of %s on Convot.</p>
        </body></html>
        """.formatted(Html.escape(greeting), Html.escape(organization), Html.escape(disabled.url()), Html.escape(description), id, Html.escape(disabled.reason()),
        readable(disabled.failingSince()), readable(disabled.disabledAt()), enable, replay, Html.escape(replayBody), Html.escape(organization));

    return Mail.of(owner.email(), "Webhook endpoint disabled: " + host(disabled.url()), text, html);
  }

  private static String readable(Instant instant) {
    return READABLE.format(instant);
  }

  /** Only the host goes into the subject, which is also logged: a URL's path or query may hold a token. */
  private static String host(String url) {
    try {
      String host = URI.create(url).getHost();
      return host == null ? "an endpoint" : host;
    } catch (IllegalArgumentException e) {
      return "an endpoint";
    }
  }
}
