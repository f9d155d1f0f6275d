package io.convot.realtime;

import io.convot.common.JsonText;
import io.convot.health.BrokerSends;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.Topic;
import jakarta.json.JsonObject;
import java.util.UUID;

/**
 * Publishes live updates and revocations to the realtime topic in the caller's transaction: a
 * rolled-back change publishes nothing.
 */
@ApplicationScoped
public class LiveUpdates {

  @Resource(lookup = "jms/convotRealtime")
  Topic topic;

  @Inject BrokerSends broker;

  /**
   * A live update {@code {"type": type, ...content}}: agents receive {@code agentContent}, the
   * conversation's visitor {@code visitorContent}, or nothing when it is null. Content is a record, or
   * the JSON an outbox event already wrote, carried as is.
   */
  public void publish(UUID organizationId, UUID contactId, String type, Object agentContent, Object visitorContent) {
    broker.send(topic, LiveEvent.ofUpdate(organizationId, contactId, payload(type, agentContent),
        visitorContent == null ? null : payload(type, visitorContent)));
  }

  /** Someone typing, like {@link #publish} of a {@code typing} update, but ephemeral (see {@link LiveEvent}). */
  public void publishTyping(UUID organizationId, UUID contactId, Object agentContent, Object visitorContent) {
    broker.send(topic, LiveEvent.ofEphemeral(organizationId, contactId, payload("typing", agentContent),
        visitorContent == null ? null : payload("typing", visitorContent)));
  }

  /**
   * Tells every open widget of the app, on every server, whether the app is available
   * ({@code {"type":"availability","available":...}}); ephemeral, like typing.
   */
  public void announceAvailability(UUID organizationId, UUID appId, boolean available) {
    broker.send(topic, LiveEvent.ofAnnouncement(organizationId, appId,
        "{\"type\":\"availability\",\"available\":" + available + "}"));
  }

  /**
   * The text of a live update: {@code {"type": type, ...content}}; public so the wire shape can be
   * pinned without a broker. Content is a record, a {@link JsonObject}, or a JSON object's text (the
   * data an outbox event wrote), none of which has a {@code type} of its own: its members follow the
   * type as written, without being parsed and written again.
   */
  public static String payload(String type, Object content) {
    String fields = content instanceof String text ? text : content instanceof JsonObject json ? json.toString() : JsonText.write(content);
    String head = "{\"type\":\"" + type + "\"";
    String rest = fields.substring(fields.indexOf('{') + 1).stripLeading();
    return rest.startsWith("}") ? head + "}" : head + "," + rest;
  }

  /**
   * Closes, on every server, the live connections opened with credentials that this transaction
   * revokes. Published only if it commits, so a refused change closes nothing.
   */
  public void revoke(UUID organizationId, Revocation revocation) {
    broker.send(topic, LiveEvent.ofRevocation(organizationId, revocation));
  }
}
