package io.convot.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The external Artemis broker of the two-server tests, which the build starts before the servers
 * (src/test/scripts/artemis-broker.sh): tests may stop it and run it again.
 */
public final class ExternalBroker {

  private static final String SCRIPT = System.getProperty("convot.test.cluster.broker-script");
  private static final String HOME = System.getProperty("convot.test.cluster.broker-home");
  private static final String INSTANCE = System.getProperty("convot.test.cluster.broker-instance");
  private static final String PORT = System.getProperty("convot.test.cluster.broker-port");

  private ExternalBroker() {}

  /** Sends text messages to a queue of the broker as any JMS client would, one after the other. */
  public static void send(String queue, String... texts) {
    String url = "tcp://127.0.0.1:" + PORT;
    try (var factory = new org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory(url,
             System.getProperty("convot.test.cluster.broker-user"), System.getProperty("convot.test.cluster.broker-password"));
         jakarta.jms.JMSContext context = factory.createContext()) {
      jakarta.jms.Queue destination = context.createQueue(queue);
      for (String text : texts) {
        context.createProducer().send(destination, text);
      }
    }
  }

  /** Stops the broker the way an operator would (it closes its connections). */
  public static void stop() {
    run("stop", HOME, INSTANCE);
  }

  /** Runs the same broker instance again, as after a restart; returns once it accepts connections. */
  public static void relaunch() {
    run("relaunch", HOME, INSTANCE, PORT, System.getProperty("java.home"));
  }

  private static void run(String... arguments) {
    if (SCRIPT == null) {
      throw new IllegalStateException("convot.test.cluster.broker-* system properties are missing: run the tests with mvn verify");
    }
    List<String> command = new ArrayList<>(List.of("bash", SCRIPT));
    command.addAll(List.of(arguments));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed: " + new String(output, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(String.join(" ", command) + " was interrupted", e);
    }
  }
}
