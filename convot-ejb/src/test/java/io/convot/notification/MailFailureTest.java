package io.convot.notification;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;

class MailFailureTest {

  @Test
  void anUnreachableServerIsTransient() {
    MessagingException refused = new MessagingException("Couldn't connect to host, port: 127.0.0.1, 1; timeout 10000",
        new ConnectException("Connection refused"));
    assertInstanceOf(MailFailure.Transient.class, MailFailure.of(refused));
    assertInstanceOf(MailFailure.Transient.class, MailFailure.of(new MessagingException("Exception reading response",
        new SocketTimeoutException("Read timed out"))));
  }

  @Test
  void aFourHundredAnswerIsTransient() {
    assertInstanceOf(MailFailure.Transient.class, MailFailure.of(new MessagingException("452 4.3.1 Insufficient system storage")));
    assertInstanceOf(MailFailure.Transient.class,
        MailFailure.of(new MessagingException("Could not connect to SMTP host: mail.test, port: 587, response: 421")));
  }

  @Test
  void aLoginCutOffOrRefusedForNowIsTransient() {
    // Jakarta Mail reports the server's last answer: none when the connection closed during AUTH.
    assertInstanceOf(MailFailure.Transient.class, MailFailure.of(new AuthenticationFailedException("[EOF]")));
    assertInstanceOf(MailFailure.Transient.class,
        MailFailure.of(new AuthenticationFailedException("454 4.7.0 Temporary authentication failure")));
  }

  @Test
  void aFiveHundredAnswerARefusedLoginOrABadAddressIsPermanent() throws Exception {
    assertInstanceOf(MailFailure.Permanent.class, MailFailure.of(new MessagingException("554 5.7.1 Relay access denied")));
    assertInstanceOf(MailFailure.Permanent.class, MailFailure.of(new AuthenticationFailedException("535 5.7.8 Authentication failed")));
    Address[] invalid = {new InternetAddress("nobody@example.test")};
    assertInstanceOf(MailFailure.Permanent.class, MailFailure.of(new SendFailedException("Invalid Addresses", 
        new MessagingException("550 5.1.1 User unknown"), new Address[0], new Address[0], invalid)));
  }

  @Test
  void theMessageIsTheServersAnswer() {
    MailFailure failure = MailFailure.of(new MessagingException("Couldn't connect to host", new ConnectException("Connection refused")));
    assertTrue(failure.getMessage().contains("Connection refused"), failure.getMessage());
  }
}
