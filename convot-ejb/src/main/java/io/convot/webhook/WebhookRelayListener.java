package io.convot.webhook;

import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

/** Relays an event the sweeper found unrelayed; a failure rolls back and the broker redelivers. */
@MessageDriven
public class WebhookRelayListener implements MessageListener {

  @Inject WebhookRelay relay;

  @Override
  public void onMessage(Message message) {
    try {
      WebhookQueues.EventMessage event = WebhookQueues.read(((TextMessage) message).getText(), WebhookQueues.EventMessage.class);
      relay.relay(event.organizationId(), event.eventId());
    } catch (JMSException e) {
      throw new IllegalStateException("Unreadable relay message", e);
    }
  }
}
