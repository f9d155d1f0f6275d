package io.convot.realtime;

import io.convot.common.JsonText;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

/** Hands every live update published by any server to this server's connected clients. */
@MessageDriven
public class LiveUpdateListener implements MessageListener {

  @Inject LiveClients clients;

  @Override
  public void onMessage(Message message) {
    try {
      LiveEvent event = JsonText.JSONB.fromJson(((TextMessage) message).getText(), LiveEvent.class);
      if (event.isAnnouncement()) {
        clients.announce(event.organizationId(), event.appId(), event.visitorPayload());
      } else {
        clients.deliver(event);
      }
    } catch (JMSException e) {
      throw new IllegalStateException("Unreadable live update", e);
    }
  }
}
