package io.convot.it.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A receiver whose first connections are reset (TCP RST) after the request arrives, as a receiver
 * restarting behind a load balancer does; later ones are answered 200. Records each request's
 * {@code Convot-Delivery-Attempt} header.
 */
public final class ResettingReceiver implements AutoCloseable {

  private final ServerSocket server;
  private final AtomicInteger resetsLeft;
  private final List<String> attemptHeaders = new CopyOnWriteArrayList<>();
  private final Thread acceptor;

  public ResettingReceiver(int resets) throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    resetsLeft = new AtomicInteger(resets);
    acceptor = new Thread(this::serve, "resetting-receiver");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getLocalPort() + "/hooks";
  }

  /** The attempt header of every request that arrived, reset or answered. */
  public List<String> attempts() {
    return List.copyOf(attemptHeaders);
  }

  private void serve() {
    while (!server.isClosed()) {
      try (Socket socket = server.accept()) {
        String attempt = readRequest(socket);
        attemptHeaders.add(attempt);
        if (resetsLeft.getAndDecrement() > 0) {
          socket.setSoLinger(true, 0); // closing now sends RST: "connection reset" at the sender
        } else {
          OutputStream out = socket.getOutputStream();
          out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok".getBytes(StandardCharsets.US_ASCII));
          out.flush();
        }
      } catch (IOException e) {
        // closed, or the sender gave up: the next connection is served anew
      }
    }
  }

  /** Reads the request head and body; returns its attempt header. */
  private static String readRequest(Socket socket) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    String attempt = null;
    int length = 0;
    for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
      String lower = line.toLowerCase(Locale.ROOT);
      if (lower.startsWith("convot-delivery-attempt:")) {
        attempt = line.substring(line.indexOf(':') + 1).trim();
      } else if (lower.startsWith("content-length:")) {
        length = Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
      }
    }
    in.skip(length);
    return attempt;
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
