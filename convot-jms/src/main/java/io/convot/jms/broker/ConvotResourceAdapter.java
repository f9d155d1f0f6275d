package io.convot.jms.broker;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.util.logging.Logger;
import org.apache.activemq.artemis.ra.ActiveMQResourceAdapter;
import org.apache.activemq.artemis.ra.inflow.ActiveMQActivationSpec;

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

  // External broker: how connections behave when the broker restarts or fails over.
  /** Connections of requests (the pool) try this often to get back, then fail so that the pool replaces them. */
  static final int RECONNECT_ATTEMPTS = 3;
  static final long RETRY_INTERVAL_MS = 1_000;
  /** Listeners never give up; they retry with a growing interval up to this. */
  static final long LISTENER_MAX_RETRY_INTERVAL_MS = 10_000;
  /** How long a blocking call (a send, a commit) waits while its connection reconnects. */
  static final long CALL_FAILOVER_TIMEOUT_MS = 5_000;
  /** How long a blocking call waits for the broker's answer. */
  static final long CALL_TIMEOUT_MS = 5_000;

  private String brokerUrl = "";
  private String dataDirectory = "artemis";
  private EmbeddedBroker embedded;
  private boolean externalBroker;

  @Override
  public void start(BootstrapContext context) throws ResourceAdapterInternalException {
    BrokerUrl external = BrokerUrl.parse(brokerUrl);
    if (external.isPresent()) {
      setConnectorClassName(external.connectorClassNames(NETTY_CONNECTOR));
      setConnectionParameters(external.connectionParameters());
      useExternalBrokerDefaults();
      LOG.info("Convot uses the external Artemis broker at " + external.describe());
    } else {
      embedded = EmbeddedBroker.start(dataDirectory);
      setConnectorClassName(IN_VM_CONNECTOR);
      setConnectionParameters("serverId=" + EmbeddedBroker.SERVER_ID);
    }
    super.start(context);
  }

  /**
   * A broker in another process can restart, or fail over to its backup (HA: the client follows the
   * cluster's topology), while Convot runs. Without these settings Artemis' adapter reconnects
   * forever and a blocking call waits 30 s for the reconnection and 30 s more for an answer, so a
   * request that publishes a live update, and the readiness check, hung for a minute while the
   * broker was away and the pooled connections never failed. Now the pool's connections give up
   * after a few seconds and are replaced once the broker is back, requests fail within seconds
   * meanwhile, and listeners keep reconnecting by themselves ({@link #endpointActivation}).
   */
  private void useExternalBrokerDefaults() {
    externalBroker = true;
    if (getHA() == null) {
      setHA(true);
    }
    if (getReconnectAttempts() == null) {
      setReconnectAttempts(RECONNECT_ATTEMPTS);
    }
    if (getRetryInterval() == null) {
      setRetryInterval(RETRY_INTERVAL_MS);
    }
    if (getCallFailoverTimeout() == null) {
      setCallFailoverTimeout(CALL_FAILOVER_TIMEOUT_MS);
    }
    if (getCallTimeout() == null) {
      setCallTimeout(CALL_TIMEOUT_MS);
    }
  }

  /**
   * A message-driven bean's consumer is not pooled: nothing would replace it if its connection gave
   * up, and the adapter recreates it only after a failed delivery. So with an external broker a
   * listener reconnects for as long as it takes (and re-creates its subscription), unless its
   * activation spec sets its own reconnectAttempts.
   */
  @Override
  public void endpointActivation(MessageEndpointFactory endpointFactory, ActivationSpec spec) throws ResourceException {
    if (externalBroker && spec instanceof ActiveMQActivationSpec activation && inheritsReconnectAttempts(activation)) {
      activation.setReconnectAttempts(-1);
      activation.setRetryIntervalMultiplier(2.0);
      activation.setMaxRetryInterval(LISTENER_MAX_RETRY_INTERVAL_MS);
    }
    super.endpointActivation(endpointFactory, spec);
  }

  /** Liberty gives an activation spec the adapter's values for the properties both have. */
  private boolean inheritsReconnectAttempts(ActiveMQActivationSpec activation) {
    Integer attempts = activation.getReconnectAttempts();
    return attempts == null || attempts.equals(getReconnectAttempts());
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

  /** Empty for the embedded broker, else {@code tcp://host:port[?params][,tcp://host:port...]}. */
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
