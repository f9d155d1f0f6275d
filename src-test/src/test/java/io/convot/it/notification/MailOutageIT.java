package io.convot.it.notification;

import static io.convot.it.notification.OwnerMailFixtures.SOON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Eventually;
import io.convot.it.support.MailServer;
import io.convot.it.support.Organizations;
import io.convot.it.support.Receiver;
import io.convot.it.support.Receiver.Answer;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * With no SMTP server answering, webhooks behave exactly as before: the endpoint is disabled and
 * stays so, the delivery's 410 is recorded, and nothing is rolled back. The notice is not lost
 * either: once the SMTP server answers, a retry delivers it; nor when the server cuts the
 * connection while the sender logs in.
 */
class MailOutageIT {

  private final Receiver receiver = OwnerMailFixtures.receiver();
  private final Organizations.Owner owner = OwnerMailFixtures.quiet(Organizations.signUp("Offline Mail Co"));
  private MailServer mailServer;
  private LoginCutter cutter;

  @AfterEach
  void stop() throws IOException {
    receiver.close();
    if (cutter != null) {
      cutter.close();
    }
    if (mailServer != null) {
      mailServer.close();
    }
  }

  @Test
  void anUnreachableMailServerChangesNothingForWebhooksAndTheNoticeArrivesOnceItAnswers() {
    receiver.otherwise(Answer.of(410));
    JsonObject endpoint = OwnerMailFixtures.endpoint(owner.api(), receiver.url(), "No mail today", List.of("message.received"));
    String id = endpoint.getString("id");

    OwnerMailFixtures.visitorWrites(owner.api(), "hello?");

    JsonObject disabled = OwnerMailFixtures.awaitEndpoint(owner.api(), id, false);
    assertTrue(disabled.getString("disabled_reason").contains("410"), disabled::toString);
    JsonObject delivery = OwnerMailFixtures.awaitFailedDeliveries(owner.api(), id, 1).get(0);
    assertEquals(List.of(410), delivery.getJsonArray("attempts").stream().map(a -> a.asJsonObject().getInt("status_code")).toList());
    assertEquals(false, owner.api().get("/api/v1/webhooks/" + id).json().getBoolean("active"), "the disabling was not rolled back");

    mailServer = MailServer.start();
    MailServer.Mail mail = mailServer.await(owner.email(), 1, Duration.ofSeconds(60)).get(0);
    assertTrue(mail.text().contains(receiver.url()), mail.text());

    receiver.otherwise(Answer.of(200));
    assertTrue(owner.api().post("/api/v1/webhooks/" + id + "/enable", "").json().getBoolean("active"));
    assertEquals(202, owner.api().post("/api/v1/webhooks/" + id + "/replay", "{\"since\": \"2020-01-01T00:00:00Z\"}").status());
    receiver.await(Receiver.ofType("message.received"), 2, SOON);
    assertEquals(1, mailServer.to(owner.email()).size());
  }

  @Test
  void aConnectionCutWhileLoggingInIsTriedAgainAndTheNoticeArrivesOnce() throws Exception {
    cutter = LoginCutter.start();
    receiver.otherwise(Answer.of(410));
    String id = OwnerMailFixtures.endpoint(owner.api(), receiver.url(), "Cut at login", List.of("message.received")).getString("id");

    OwnerMailFixtures.visitorWrites(owner.api(), "hello?");
    OwnerMailFixtures.awaitEndpoint(owner.api(), id, false);
    Eventually.await(cutter::logins, logins -> logins >= 1, SOON, "a login the SMTP server cut off");
    cutter.close();

    mailServer = MailServer.start();
    MailServer.Mail mail = mailServer.await(owner.email(), 1, Duration.ofSeconds(60)).get(0);
    assertTrue(mail.text().contains(receiver.url()), mail.text());
    Thread.sleep(5000);
    assertEquals(1, mailServer.to(owner.email()).size(), "one notice, sent once");
  }

  /**
   * An SMTP server that greets, offers AUTH, and resets the connection when the client starts to
   * log in (as a relay that fails mid-login does): the client sees no answer at all.
   */
  private static final class LoginCutter implements AutoCloseable {
    private final ServerSocket socket;
    private final AtomicInteger logins = new AtomicInteger();
    private final Thread accept;
    /** The connection being served, closed with the server: while it is open, nothing else can listen on the port. */
    private volatile Socket current;

    private LoginCutter(ServerSocket socket) {
      this.socket = socket;
      accept = new Thread(this::serve, "login-cutter");
      accept.setDaemon(true);
      accept.start();
    }

    static LoginCutter start() throws IOException {
      ServerSocket socket = new ServerSocket();
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress("127.0.0.1", MailServer.PORT));
      return new LoginCutter(socket);
    }

    int logins() {
      return logins.get();
    }

    private void serve() {
      while (!socket.isClosed()) {
        try (Socket client = socket.accept()) {
          current = client;
          client.setSoLinger(true, 0);
          if (socket.isClosed()) {
            break; // closed while this one connected: close() may not have seen it
          }
          BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
          Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.US_ASCII);
          out.write("220 cutter.test ESMTP\r\n");
          out.flush();
          for (String line = in.readLine(); line != null; line = in.readLine()) {
            String command = line.toUpperCase(java.util.Locale.ROOT);
            if (command.startsWith("EHLO")) {
              out.write("250-cutter.test\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME\r\n");
            } else if (command.startsWith("AUTH")) {
              logins.incrementAndGet();
              break;
            } else if (command.startsWith("QUIT")) {
              out.write("221 bye\r\n");
              out.flush();
              break;
            } else {
              out.write("503 5.5.1 log in first\r\n");
            }
            out.flush();
          }
        } catch (IOException e) {
          // closed, or a client gone: next connection
        }
      }
    }

    /**
     * Stops listening and resets the connection under way, if any (the client's retry may have
     * connected meanwhile), so that the port is free for the next server when this returns.
     */
    @Override
    public void close() throws IOException {
      socket.close();
      Socket client = current;
      if (client != null) {
        client.close();
      }
      try {
        accept.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
