package io.convot.it.support;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A real SMTP server (GreenMail) on 127.0.0.1 at the port the test server sends notification mail
 * to; it keeps every mail it receives. Tests tell their mail apart by recipient (each test's people
 * have addresses of their own).
 */
public final class MailServer implements AutoCloseable {

  public static final int PORT = Integer.getInteger("convot.test.smtp-port", 3025);

  /** One mail as it arrived: its recipient, subject, plain text and HTML parts, and the whole raw message. */
  public record Mail(List<String> to, String subject, String text, String html, String raw) {}

  private final GreenMail greenMail;

  private MailServer() {
    // The test server logs in (convot.mail.username and password in test-server.xml): any login is accepted.
    greenMail = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
        .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    greenMail.start();
  }

  public static MailServer start() {
    return new MailServer();
  }

  /** Every mail received so far addressed to {@code address}. */
  public List<Mail> to(String address) {
    return Arrays.stream(greenMail.getReceivedMessages()).map(MailServer::read)
        .filter(mail -> mail.to().contains(address)).toList();
  }

  /** Waits until {@code count} mails to {@code address} arrived; returns them. */
  public List<Mail> await(String address, int count, Duration timeout) {
    return Eventually.await(() -> to(address), mails -> mails.size() >= count, timeout, count + " mail(s) to " + address);
  }

  /** Whether a client logged in as {@code login} (GreenMail keeps a user for every login it accepted). */
  public boolean loggedIn(String login) {
    return greenMail.getUserManager().getUser(login) != null;
  }

  @Override
  public void close() {
    greenMail.stop();
  }

  private static Mail read(MimeMessage message) {
    try {
      List<String> to = Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList();
      List<String> text = new ArrayList<>();
      List<String> html = new ArrayList<>();
      collect(message, text, html);
      ByteArrayOutputStream raw = new ByteArrayOutputStream();
      message.writeTo(raw);
      return new Mail(to, message.getSubject(), String.join("\n", text), html.isEmpty() ? null : String.join("\n", html),
          raw.toString(StandardCharsets.UTF_8));
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException("Unreadable mail", e);
    }
  }

  private static void collect(Part part, List<String> text, List<String> html) throws MessagingException, IOException {
    if (part.isMimeType("text/plain")) {
      text.add((String) part.getContent());
    } else if (part.isMimeType("text/html")) {
      html.add((String) part.getContent());
    } else if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart body = multipart.getBodyPart(i);
        collect(body, text, html);
      }
    }
  }
}
