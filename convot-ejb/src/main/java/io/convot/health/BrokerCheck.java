package io.convot.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when a JMS connection to the broker (embedded or external) opens. */
@Readiness
@ApplicationScoped
public class BrokerCheck implements HealthCheck {

  @Resource(lookup = "jms/convot")
  ConnectionFactory connectionFactory;

  @Override
  public HealthCheckResponse call() {
    try (JMSContext context = connectionFactory.createContext()) {
      context.createProducer();
      return HealthCheckResponse.named("broker").up().build();
    } catch (RuntimeException e) {
      return HealthCheckResponse.named("broker").down().withData("error", e.getClass().getSimpleName()).build();
    }
  }
}
