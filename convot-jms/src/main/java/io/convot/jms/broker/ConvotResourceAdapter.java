package io.convot.jms.broker;

import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ResourceAdapterInternalException;
import java.util.logging.Logger;
import org.apache.activemq.artemis.ra.ActiveMQResourceAdapter;

/**
 * The Artemis resource adapter, plus an embedded broker when no external one is configured.
 *
 * <p>The broker lives in the adapter, not in the application, so that redeploying the EAR never
 * restarts the broker and the in-VM transport shares the adapter's class loader.
 */
public class ConvotResourceAdapter extends ActiveMQResourceAdapter {

  private static final Logger LOG = Logger.getLogger(ConvotResourceAdapter.class.getName());
  private static final String NETTY_CONNECTOR =
      "org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnectorFactory";
  private static final String IN_VM_CONNECTOR =
      "org.apache.activemq.artemis.core.remoting.impl.invm.InVMConnectorFactory";

  private String brokerUrl = "";
  private String dataDirectory = "artemis";
  private EmbeddedBroker embedded;

  @Override
  public void start(BootstrapContext context) throws ResourceAdapterInternalException {
    BrokerUrl external = BrokerUrl.parse(brokerUrl);
    if (external.isPresent()) {
      setConnectorClassName(NETTY_CONNECTOR);
      setConnectionParameters(external.connectionParameters());
      LOG.info("Convot uses the external Artemis broker at " + external.describe());
    } else {
      embedded = EmbeddedBroker.start(dataDirectory);
      setConnectorClassName(IN_VM_CONNECTOR);
      setConnectionParameters("serverId=" + EmbeddedBroker.SERVER_ID);
    }
    super.start(context);
  }

  @Override
  public void stop() {
    super.stop();
    if (embedded != null) {
      embedded.stop();
      embedded = null;
    }
  }

  public String getBrokerUrl() {
    return brokerUrl;
  }

  /** Empty for the embedded broker, else {@code tcp://host:port[,tcp://host:port...]}. */
  public void setBrokerUrl(String brokerUrl) {
    this.brokerUrl = brokerUrl == null ? "" : brokerUrl.trim();
  }

  public String getDataDirectory() {
    return dataDirectory;
  }

  public void setDataDirectory(String dataDirectory) {
    this.dataDirectory = dataDirectory;
  }

  @Override
  public boolean equals(Object other) {
    return super.equals(other);
  }

  @Override
  public int hashCode() {
    return super.hashCode();
  }
}
