package io.convot.it.jms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs inside the test server against Convot's broker (through its resource adapter): transactional
 * sends reach a message-driven bean, a failing consumer gets redeliveries then the dead-letter
 * queue, and a rolled-back send is never delivered.
 */
@ExtendWith(ArquillianExtension.class)
class JmsRoundTripIT {

  private static final Duration DEADLINE = Duration.ofSeconds(30);

  @Deployment
  static WebArchive deployment() {
    return ShrinkWrap.create(WebArchive.class, "jms-roundtrip.war").addPackage(JmsRoundTripIT.class.getPackage());
  }

  @Resource(lookup = "jms/convot")
  ConnectionFactory connectionFactory;

  @Resource(lookup = "jms/test/roundtrip")
  Queue roundTrip;

  @Resource(lookup = "jms/test/poison")
  Queue poison;

  @Resource(lookup = "jms/test/dead-letter")
  Queue deadLetter;

  @Resource(lookup = "java:comp/UserTransaction")
  UserTransaction transaction;

  @Test
  void messageSentInCommittedTransactionIsConsumedByMessageDrivenBean() throws Exception {
    String run = UUID.randomUUID().toString();
    transaction.begin();
    try (JMSContext context = connectionFactory.createContext()) {
      context.createProducer().setProperty("run", run).send(roundTrip, "hello");
      assertEquals(List.of(), Deliveries.of(run), "nothing is delivered before the commit");
    }
    transaction.commit();

    awaitTrue(() -> Deliveries.of(run).equals(List.of("hello")), () -> "received " + Deliveries.of(run));
  }

  @Test
  void rolledBackSendIsNeverDelivered() throws Exception {
    String run = UUID.randomUUID().toString();
    transaction.begin();
    try (JMSContext context = connectionFactory.createContext()) {
      context.createProducer().setProperty("run", run).send(roundTrip, "rolled back");
    }
    transaction.rollback();
    transaction.begin();
    try (JMSContext context = connectionFactory.createContext()) {
      context.createProducer().setProperty("run", run).send(roundTrip, "committed after");
    }
    transaction.commit();

    // One listener session on a FIFO queue: once the later message arrives, an earlier one would have too.
    awaitTrue(() -> Deliveries.of(run).contains("committed after"), () -> "received " + Deliveries.of(run));
    assertEquals(List.of("committed after"), Deliveries.of(run));
  }

  @Test
  void failingConsumerGetsRedeliveriesThenTheMessageGoesToTheDeadLetterQueue() throws Exception {
    String run = UUID.randomUUID().toString();
    try (JMSContext context = connectionFactory.createContext()) {
      context.createProducer().setProperty("run", run).send(poison, "poison");
    }

    try (JMSContext context = connectionFactory.createContext();
        JMSConsumer deadLetters = context.createConsumer(deadLetter, "run = '" + run + "'")) {
      Message dead = deadLetters.receive(DEADLINE.toMillis());
      assertNotNull(dead, "the message reached the dead-letter queue; attempts seen: " + Deliveries.of(run));
      assertEquals("poison", dead.getBody(String.class));
    }
    assertEquals(4, Deliveries.of(run).size(), "one delivery and three redeliveries before dead-lettering");
  }

  private static void awaitTrue(Supplier<Boolean> condition, Supplier<String> describe) throws InterruptedException {
    Instant deadline = Instant.now().plus(DEADLINE);
    while (!condition.get()) {
      assertTrue(Instant.now().isBefore(deadline), describe);
      synchronized (JmsRoundTripIT.class) {
        JmsRoundTripIT.class.wait(50);
      }
    }
  }
}
