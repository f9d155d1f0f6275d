package io.convot.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.TemporaryQueue;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only when the broker (embedded or external) answers: a pooled connection can outlive its
 * broker, so the check makes a round trip (a temporary queue, created and deleted) instead of
 * trusting that a connection opens.
 */
@Readiness
@ApplicationScoped
public class BrokerCheck implements HealthCheck {

  @Resource(lookup = "jms/convot")
  ConnectionFactory connectionFactory;

  @jakarta.inject.Inject BrokerStatus status;

  @Override
  public HealthCheckResponse call() {
    try (JMSContext context = connectionFactory.createContext()) {
      TemporaryQueue probe = context.createTemporaryQueue();
      probe.delete();
      status.reachable();
      return HealthCheckResponse.named("broker").up().build();
    } catch (RuntimeException | JMSException e) {
      status.unreachable();
      return HealthCheckResponse.named("broker").down().withData("error", e.getClass().getSimpleName()).build();
    }
  }
}
