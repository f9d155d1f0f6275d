package io.convot.realtime;

import io.convot.common.JsonText;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands every live update published by any server to this server's connected clients. Outside any
 * transaction: a live update is for the clients connected now (a reconnecting client catches up
 * from the database), and handing it over only queues frames, so there is nothing to roll back; and
 * one that cannot be read or handed over is logged and dropped rather than redelivered, so it never
 * holds up the ones behind it.
 */
@MessageDriven
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LiveUpdateListener implements MessageListener {

  private static final Logger LOG = Logger.getLogger(LiveUpdateListener.class.getName());

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
    } catch (JMSException | RuntimeException e) {
      LOG.log(Level.WARNING, "A live update could not be handed to this server's clients; it is dropped", e);
    }
  }
}
