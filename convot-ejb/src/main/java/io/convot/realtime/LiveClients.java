package io.convot.realtime;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The live clients connected to this server: agents by organization, visitors by contact. The
 * WebSocket endpoints register them; the topic listener delivers to them.
 */
@ApplicationScoped
public class LiveClients {

  /** A connected client: it receives JSON text. */
  public record Client(UUID organizationId, UUID contactId, Consumer<String> send) {
    boolean isVisitor() {
      return contactId != null;
    }
  }

  private final Set<Client> clients = ConcurrentHashMap.newKeySet();

  public Client agent(UUID organizationId, Consumer<String> send) {
    Client client = new Client(organizationId, null, send);
    clients.add(client);
    return client;
  }

  public Client visitor(UUID organizationId, UUID contactId, Consumer<String> send) {
    Client client = new Client(organizationId, contactId, send);
    clients.add(client);
    return client;
  }

  public void remove(Client client) {
    clients.remove(client);
  }

  public void deliver(LiveEvent event) {
    for (Client client : clients) {
      if (!client.organizationId().equals(event.organizationId())) {
        continue;
      }
      if (!client.isVisitor()) {
        client.send().accept(event.payload());
      } else if (event.reachesVisitor() && client.contactId().equals(event.contactId())) {
        client.send().accept(event.visitorPayload());
      }
    }
  }
}
