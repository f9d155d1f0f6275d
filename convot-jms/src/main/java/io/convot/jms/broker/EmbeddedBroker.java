package io.convot.jms.broker;

import java.nio.file.Path;
import java.util.logging.Logger;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * The single-machine broker: persistent journal on disk, in-VM transport only (it opens no port),
 * and a dead-letter address that receives messages whose consumer failed every redelivery. Its
 * management MBeans are on the JVM's platform MBean server (JMX, not a remote port).
 */
final class EmbeddedBroker {

  static final int SERVER_ID = 0;
  static final String DEAD_LETTER_ADDRESS = "DLQ";
  static final String EXPIRY_ADDRESS = "ExpiryQueue";
  static final int MAX_DELIVERY_ATTEMPTS = 4;

  private static final Logger LOG = Logger.getLogger(EmbeddedBroker.class.getName());

  private final EmbeddedActiveMQ server;

  private EmbeddedBroker(EmbeddedActiveMQ server) {
    this.server = server;
  }

  static EmbeddedBroker start(String dataDirectory) {
    Path data = Path.of(dataDirectory).toAbsolutePath();
    try {
      EmbeddedActiveMQ server = new EmbeddedActiveMQ();
      server.setConfiguration(configuration(data));
      server.start();
      LOG.info("Convot started its embedded Artemis broker (journal in " + data + ")");
      return new EmbeddedBroker(server);
    } catch (Exception e) {
      throw new IllegalStateException("The embedded Artemis broker did not start", e);
    }
  }

  private static Configuration configuration(Path data) throws Exception {
    Configuration config = new ConfigurationImpl();
    config.setName("convot");
    config.setPersistenceEnabled(true);
    config.setSecurityEnabled(false);
    // Its queues' MBeans on the platform MBean server give /metrics their depths (io.convot.metrics.QueueDepths).
    config.setJMXManagementEnabled(true);
    config.setBrokerInstance(data.toFile());
    config.setJournalDirectory(data.resolve("journal").toString());
    config.setBindingsDirectory(data.resolve("bindings").toString());
    config.setPagingDirectory(data.resolve("paging").toString());
    config.setLargeMessagesDirectory(data.resolve("large-messages").toString());
    config.setNodeManagerLockDirectory(data.resolve("lock").toString());
    config.setJournalType(org.apache.activemq.artemis.core.server.JournalType.NIO);
    config.addAcceptorConfiguration("in-vm", "vm://" + SERVER_ID);
    config.addAddressSetting("#", defaultAddressSettings());
    config.addQueueConfiguration(anycast(DEAD_LETTER_ADDRESS));
    config.addQueueConfiguration(anycast(EXPIRY_ADDRESS));
    return config;
  }

  private static AddressSettings defaultAddressSettings() {
    return new AddressSettings()
        .setDeadLetterAddress(SimpleString.of(DEAD_LETTER_ADDRESS))
        .setExpiryAddress(SimpleString.of(EXPIRY_ADDRESS))
        .setMaxDeliveryAttempts(MAX_DELIVERY_ATTEMPTS)
        .setRedeliveryDelay(500)
        .setRedeliveryMultiplier(2.0)
        .setMaxRedeliveryDelay(10_000)
        .setAutoCreateQueues(true)
        .setAutoCreateAddresses(true);
  }

  private static QueueConfiguration anycast(String name) {
    return QueueConfiguration.of(name).setRoutingType(RoutingType.ANYCAST).setDurable(true);
  }

  void stop() {
    try {
      server.stop();
    } catch (Exception e) {
      LOG.warning("The embedded Artemis broker did not stop cleanly: " + e);
    }
  }
}
