package io.convot.event;

import java.util.Arrays;
import java.util.Optional;

/** The nine events integrators can subscribe to, plus the test event. */
public enum EventType {
  MESSAGE_RECEIVED("message.received"),
  MESSAGE_SENT("message.sent"),
  MESSAGE_DELETED("message.deleted"),
  CONVERSATION_CREATED("conversation.created"),
  CONVERSATION_ASSIGNED("conversation.assigned"),
  CONVERSATION_RESOLVED("conversation.resolved"),
  CONVERSATION_REOPENED("conversation.reopened"),
  CONTACT_CREATED("contact.created"),
  CONTACT_IDENTIFIED("contact.identified"),
  WEBHOOK_TEST("webhook.test");

  private final String wireName;

  EventType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<EventType> fromWireName(String name) {
    return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
  }
}
