package io.convot.it.realtime;

import static io.convot.it.support.LiveClient.ofType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Api;
import io.convot.it.support.LiveClient;
import io.convot.it.support.Organizations;
import io.convot.it.support.Widget;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * A dashboard that stops reading (a frozen tab, a dead network that has not timed out) delays
 * nobody else: the other connections get every update at once. The stuck one loses nothing
 * silently: it gets every update in order once it reads again, or, if a write to it hung for 15 s,
 * is closed with 1013 ("try again later") so that it reconnects and catches up. (Open Liberty takes
 * 8 MB for a client that reads nothing without a write hanging; when one does hang, and for the
 * queue bound, see {@code LiveClientsTest}.)
 */
class SlowLiveClientIT {

  private static final String AGENT_SOCKET = "/realtime/v1/agent";
  /** Private notes of 10,000 characters: 8 MB, more than the socket's own buffers hold. */
  private static final int NOTES = 800;

  @Test
  void aClientThatStopsReadingDelaysNobodyAndIsClosedSoItCatchesUp() throws Exception {
    Organizations.Owner owner = Organizations.signUp("Slow Reader Co");
    Widget widget = new Widget(Widget.createApp(owner.api(), "Slow", false).getString("app_key"));
    String conversation = Widget.send(widget.session(""), "hello").json().getString("conversation_id");
    JsonObject auth = Json.createObjectBuilder().add("type", "auth").add("token", owner.token()).build();

    try (StalledSocket stalled = StalledSocket.open(Api.BASE_URL + AGENT_SOCKET, auth.toString());
         LiveClient reading = LiveClient.connect(AGENT_SOCKET, auth)) {
      reading.await(ofType("ready"), Duration.ofSeconds(10));

      String filler = "x".repeat(9_990);
      ExecutorService agents = Executors.newFixedThreadPool(8);
      List<Future<Integer>> posts = new ArrayList<>();
      for (int i = 0; i < NOTES; i++) {
        String text = String.format("%05d", i) + filler;
        posts.add(agents.submit(() -> owner.api().post("/api/v1/conversations/" + conversation + "/messages",
            Json.createObjectBuilder().add("text", text).add("private", true).build().toString()).status()));
      }
      for (Future<Integer> post : posts) {
        assertEquals(201, post.get());
      }
      agents.shutdown();

      // Every note reached the reading connection, while the other one read nothing.
      for (int i = 0; i < NOTES; i++) {
        reading.await(frame -> "message".equals(frame.getString("type", null)), Duration.ofSeconds(30));
      }
      assertEquals(NOTES, reading.history().stream().filter(ofType("message")).count());

      // The stalled connection, read at last: every note in the order the server sent them (the one
      // the reading connection saw), or, when a write to it hung for 15 s, the first of them and then
      // the server's 1013 close.
      List<Integer> sent = reading.history().stream().filter(ofType("message"))
          .map(frame -> Integer.parseInt(frame.getJsonObject("message").getString("text").substring(0, 5))).toList();
      List<Integer> notes = stalled.readNotes(Duration.ofSeconds(30));
      assertEquals(sent.subList(0, Math.min(notes.size(), sent.size())), notes, "in order, none lost or repeated");
      if (stalled.closeReason == null) {
        assertEquals(NOTES, notes.size(), "not closed, so it got every note");
      } else {
        assertEquals("1013 too_slow", stalled.closeReason);
      }
    }
  }

  /**
   * A WebSocket client with a small receive buffer that reads nothing after its handshake until
   * told to: the server's writes to it pile up as they would to a frozen browser tab.
   */
  private static final class StalledSocket implements AutoCloseable {
    private final Socket socket;
    private final DataInputStream in;

    private StalledSocket(Socket socket, DataInputStream in) {
      this.socket = socket;
      this.in = in;
    }

    static StalledSocket open(String url, String authFrame) throws IOException {
      URI uri = URI.create(url);
      Socket socket = new Socket();
      socket.setReceiveBufferSize(4096);
      socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 10_000);
      byte[] nonce = new byte[16];
      ThreadLocalRandom.current().nextBytes(nonce);
      String handshake = "GET " + uri.getPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
          + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
          + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\n\r\n";
      OutputStream out = socket.getOutputStream();
      out.write(handshake.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      DataInputStream in = new DataInputStream(socket.getInputStream());
      String status = headers(in);
      if (!status.startsWith("HTTP/1.1 101")) {
        throw new IOException("no WebSocket upgrade: " + status);
      }
      writeText(out, authFrame);
      return new StalledSocket(socket, in);
    }

    String closeReason;

    /** The numbers of the notes it receives (its frames' texts start with one), until the server closes it or nothing comes for {@code quiet}. */
    List<Integer> readNotes(Duration quiet) throws IOException {
      socket.setSoTimeout((int) quiet.toMillis());
      List<Integer> notes = new ArrayList<>();
      try {
        while (true) {
          int first = in.readUnsignedByte();
          int second = in.readUnsignedByte();
          long length = second & 0x7f;
          if (length == 126) {
            length = in.readUnsignedShort();
          } else if (length == 127) {
            length = in.readLong();
          }
          byte[] payload = new byte[(int) length];
          in.readFully(payload);
          int opcode = first & 0x0f;
          if (opcode == 8) {
            int code = ((payload[0] & 0xff) << 8) | (payload[1] & 0xff);
            closeReason = code + " " + new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8);
            return notes;
          }
          String text = new String(payload, StandardCharsets.UTF_8);
          int at = text.indexOf("\"text\":\"");
          if (opcode == 1 && text.startsWith("{\"type\":\"message\"") && at >= 0) {
            notes.add(Integer.parseInt(text.substring(at + 8, at + 13)));
          }
        }
      } catch (java.net.SocketTimeoutException e) {
        return notes;
      }
    }

    private static String headers(InputStream in) throws IOException {
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      int matched = 0;
      while (matched < 4) {
        int b = in.read();
        if (b < 0) {
          throw new EOFException("the handshake's answer ended early");
        }
        head.write(b);
        matched = (b == '\r' || b == '\n') && (matched % 2 == 0 ? b == '\r' : b == '\n') ? matched + 1 : 0;
      }
      return head.toString(StandardCharsets.US_ASCII);
    }

    /** One masked text frame, as clients must send them. */
    private static void writeText(OutputStream out, String text) throws IOException {
      byte[] payload = text.getBytes(StandardCharsets.UTF_8);
      ByteArrayOutputStream frame = new ByteArrayOutputStream();
      frame.write(0x81);
      if (payload.length < 126) {
        frame.write(0x80 | payload.length);
      } else {
        frame.write(0x80 | 126);
        frame.write(payload.length >> 8);
        frame.write(payload.length & 0xff);
      }
      byte[] mask = new byte[4];
      ThreadLocalRandom.current().nextBytes(mask);
      frame.write(mask);
      for (int i = 0; i < payload.length; i++) {
        frame.write(payload[i] ^ mask[i % 4]);
      }
      out.write(frame.toByteArray());
      out.flush();
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
