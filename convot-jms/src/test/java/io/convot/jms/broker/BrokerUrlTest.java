package io.convot.jms.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BrokerUrlTest {

  private static final String NETTY = "org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnectorFactory";

  @Test
  void emptyMeansTheEmbeddedBroker() {
    assertFalse(BrokerUrl.parse("").isPresent());
    assertFalse(BrokerUrl.parse(null).isPresent());
    assertFalse(BrokerUrl.parse(" , ").isPresent());
  }

  @Test
  void oneBroker() {
    BrokerUrl url = BrokerUrl.parse("tcp://broker.internal:61617");

    assertTrue(url.isPresent());
    assertEquals(NETTY, url.connectorClassNames(NETTY));
    assertEquals("host=broker.internal;port=61617", url.connectionParameters());
    assertEquals("broker.internal:61617", url.describe());
  }

  @Test
  void portAndSchemeDefault() {
    assertEquals("host=broker;port=61616", BrokerUrl.parse("broker").connectionParameters());
  }

  @Test
  void everyMemberOfAClusterGetsItsOwnConnector() {
    BrokerUrl url = BrokerUrl.parse("tcp://live:61616, tcp://backup:61617");

    // The adapter pairs class names and parameters by position: one class name for two members
    // would leave the second one out.
    assertEquals(NETTY + "," + NETTY, url.connectorClassNames(NETTY));
    assertEquals("host=live;port=61616,host=backup;port=61617", url.connectionParameters());
    assertEquals("live:61616, backup:61617", url.describe());
  }

  @Test
  void parametersGoToTheConnectorButNotToTheLog() {
    BrokerUrl url = BrokerUrl.parse("tcp://broker:61617?sslEnabled=true&trustStorePassword=s%21cret;verifyHost=true");

    assertEquals("host=broker;port=61617;sslEnabled=true;trustStorePassword=s!cret;verifyHost=true", url.connectionParameters());
    assertEquals("broker:61617", url.describe());
  }

  @Test
  void refusesWhatItCannotConnectTo() {
    assertThrows(IllegalArgumentException.class, () -> BrokerUrl.parse("amqp://broker:5672"));
    assertThrows(IllegalArgumentException.class, () -> BrokerUrl.parse("tcp://:61616"));
    IllegalArgumentException credentials = assertThrows(IllegalArgumentException.class,
        () -> BrokerUrl.parse("tcp://convot:secret@broker:61616"));
    assertFalse(credentials.getMessage().contains("secret"), credentials::getMessage);
    assertThrows(IllegalArgumentException.class, () -> BrokerUrl.parse("tcp://broker:61616?novalue"));
    // The adapter splits its parameters at ',', ';' and '=': a value cannot hold them.
    assertThrows(IllegalArgumentException.class, () -> BrokerUrl.parse("tcp://broker:61616?a=b%2Cc"));
    assertThrows(IllegalArgumentException.class, () -> BrokerUrl.parse("tcp://broker:61616?a=b%3Dc"));
  }
}
