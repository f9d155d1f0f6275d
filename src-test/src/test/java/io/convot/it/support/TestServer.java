package io.convot.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The Liberty test server as a process: killed without warning, started again. */
public final class TestServer {

  private static final Path WLP = Path.of(System.getProperty("wlp.home", "target/liberty/wlp"));
  private static final String NAME = "convot-test";

  private TestServer() {}

  /** The server's process id, from the pid file Liberty writes. */
  public static long pid() throws IOException {
    return Long.parseLong(Files.readString(WLP.resolve("usr/servers/.pid/" + NAME + ".pid")).trim());
  }

  /** {@code kill -9}: no shutdown hook runs, nothing is flushed, in-flight work is cut off. */
  public static void killHard() throws IOException, InterruptedException {
    long pid = pid();
    ProcessHandle server = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no server process " + pid));
    server.destroyForcibly();
    try {
      server.onExit().get(30, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("the server process did not end", e);
    }
  }

  /** Starts the server the way the build did (same configuration) and waits until it is ready. */
  public static void start() throws IOException, InterruptedException {
    Process start = new ProcessBuilder(WLP.resolve("bin/server").toString(), "start", NAME)
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!start.waitFor(3, TimeUnit.MINUTES) || start.exitValue() != 0) {
      throw new IllegalStateException("the test server did not start again");
    }
    Eventually.await(TestServer::ready, ready -> ready, Duration.ofMinutes(3), "the restarted server being ready");
  }

  /** The server's own directory (its {@code logs/}, {@code convot-data/}...). */
  public static Path directory() {
    return WLP.resolve("usr/servers/" + NAME);
  }

  /** What the server has logged so far ({@code messages.log}). */
  public static String log() {
    try {
      return Files.readString(WLP.resolve("usr/servers/" + NAME + "/logs/messages.log"));
    } catch (IOException e) {
      throw new IllegalStateException("the test server's log could not be read", e);
    }
  }

  private static boolean ready() {
    try {
      return Api.anonymous().get("/health/ready").status() == 200;
    } catch (IllegalStateException e) {
      return false; // not listening yet
    }
  }
}
