package io.convot.lifecycle;

import io.convot.common.JsonText;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

/**
 * Builds each queued export. It runs outside a transaction (the build is many short ones, see
 * {@link ExportStore}); a build cut short by a crash is made again from the start when the broker
 * redelivers the message. A message whose export or organization is gone (deleted meanwhile) is
 * harmless: there is nothing to build, and it is dropped.
 */
@MessageDriven
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ExportListener implements MessageListener {

  @Inject ExportBuilder builder;

  @Override
  public void onMessage(Message message) {
    ExportMessage export;
    try {
      export = JsonText.JSONB.fromJson(((TextMessage) message).getText(), ExportMessage.class);
    } catch (JMSException e) {
      throw new IllegalStateException("Unreadable export message", e);
    }
    builder.build(export.organizationId(), export.exportId());
  }
}
