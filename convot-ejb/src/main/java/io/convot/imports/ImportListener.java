package io.convot.imports;

import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one import step per message, in the message's transaction. A step that fails to store rolls
 * back and the broker delivers it again; on its last delivery the import ends as failed with the reason.
 */
@MessageDriven
public class ImportListener implements MessageListener {

  private static final Logger LOG = Logger.getLogger(ImportListener.class.getName());
  /** The broker delivers a message 4 times at most (then the dead-letter queue). */
  private static final int LAST_DELIVERY = 4;

  @Inject ImportSteps steps;

  @Override
  public void onMessage(Message message) {
    ImportQueue.StepMessage step;
    int delivery;
    try {
      step = ImportQueue.read(((TextMessage) message).getText());
      delivery = message.getIntProperty("JMSXDeliveryCount");
    } catch (JMSException e) {
      throw new IllegalStateException("Unreadable import step", e);
    }
    try {
      steps.run(step);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Import " + step.importId() + " could not store step " + step.step() + " (delivery " + delivery + ")", e);
      if (delivery >= LAST_DELIVERY - 1) {
        steps.giveUp(step, "Import failed: a page could not be stored (" + e.getClass().getSimpleName() + ")");
      }
      throw e;
    }
  }
}
