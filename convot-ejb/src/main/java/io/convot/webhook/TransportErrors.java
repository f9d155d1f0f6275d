package io.convot.webhook;

import io.convot.webhook.GuardedDnsResolver.ForbiddenTargetException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.time.Duration;
import javax.net.ssl.SSLException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.MessageConstraintException;
import org.apache.hc.core5.http.NoHttpResponseException;

/**
 * Words for why an attempt got no response. Integrators read them in the delivery log, so they
 * name the cause, never a Java class.
 */
final class TransportErrors {

  private TransportErrors() {}

  static String describe(IOException failure, boolean deadlinePassed, Duration timeout) {
    if (deadlinePassed) {
      return "timed out after " + seconds(timeout);
    }
    if (failure instanceof ForbiddenTargetException) {
      return "forbidden target: " + failure.getMessage();
    }
    if (failure instanceof UnknownHostException) {
      return "unknown host: " + failure.getMessage();
    }
    if (failure instanceof ConnectionRequestTimeoutException) {
      return "no free connection within " + seconds(timeout) + ": too many attempts in flight";
    }
    if (failure instanceof InterruptedIOException) { // connect and read timeouts among them
      return "timed out after " + seconds(timeout);
    }
    if (failure instanceof ConnectException) {
      return "could not connect: " + failure.getMessage();
    }
    if (failure instanceof SSLException) {
      return "TLS failed: " + failure.getMessage();
    }
    if (failure instanceof NoHttpResponseException) {
      return "the receiver closed the connection without a response";
    }
    if (failure instanceof MessageConstraintException) {
      return "the response head is too large: " + failure.getMessage();
    }
    if (failure instanceof SocketException) {
      return "connection failed: " + failure.getMessage();
    }
    return "request failed: " + failure.getMessage();
  }

  private static String seconds(Duration timeout) {
    return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
  }
}
