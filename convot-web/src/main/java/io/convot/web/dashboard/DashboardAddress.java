package io.convot.web.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import java.lang.management.ManagementFactory;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Says in the start-up log where the dashboard and the demo page are (and, on a development server, the
 * command that makes sample data): under {@code convot.public-url}
 * when set, else on this server's HTTP endpoint as Open Liberty reports it (its endpoint MBean),
 * which knows the port whatever set it.
 */
@ApplicationScoped
public class DashboardAddress {

  private static final Logger LOG = Logger.getLogger(DashboardAddress.class.getName());
  private static final String HTTP_ENDPOINT = "WebSphere:feature=channelfw,type=endpoint,name=defaultHttpEndpoint";
  private static final Set<String> EVERY_INTERFACE = Set.of("*", "0.0.0.0", "::");

  @Inject
  @ConfigProperty(name = "convot.public-url")
  Optional<String> publicUrl;

  @Inject
  @ConfigProperty(name = "convot.environment", defaultValue = "development")
  String environment;

  void started(@Observes @Initialized(ApplicationScoped.class) ServletContext context) {
    String base = publicUrl.filter(url -> !url.isBlank()).map(url -> url.replaceAll("/+$", "")).orElseGet(DashboardAddress::local);
    LOG.info("Convot dashboard: " + base + "/app/");
    LOG.info("Convot demo page: " + base + "/demo/");
    if ("development".equals(environment)) {
      LOG.info("Convot sample data: curl -X POST " + base + "/api/v1/sample");
    }
  }

  private static String local() {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    try {
      ObjectName endpoint = new ObjectName(HTTP_ENDPOINT);
      String host = (String) server.getAttribute(endpoint, "Host");
      int port = (Integer) server.getAttribute(endpoint, "Port");
      String name = EVERY_INTERFACE.contains(host) ? "localhost" : host.contains(":") ? "[" + host + "]" : host;
      return "http://" + name + ":" + port;
    } catch (JMException e) {
      throw new IllegalStateException("Open Liberty reports no " + HTTP_ENDPOINT, e);
    }
  }
}
