package io.convot.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * Sends one mail over SMTP. MicroProfile Fault Tolerance tries a transient failure again a few
 * times, seconds apart (an SMTP relay restarting, a 4xx answer); a permanent one is thrown at once.
 * With mail off it logs the notice instead (recipient and subject only).
 */
@ApplicationScoped
public class MailSender {

  private static final Logger LOG = Logger.getLogger(MailSender.class.getName());

  @Inject MailSettings settings;

  @Retry(retryOn = MailFailure.Transient.class, maxRetries = 4, delay = 3000, jitter = 1000, maxDuration = 60000)
  public void send(Mail mail) {
    if (!settings.enabled()) {
      LOG.info(() -> "Mail is off (convot.mail.smtp-host is not set): \"" + mail.subject() + "\" to " + mail.to() + " not sent");
      return;
    }
    try {
      Transport.send(message(mail));
    } catch (MessagingException e) {
      MailFailure failure = MailFailure.of(e);
      if (failure instanceof MailFailure.Transient) {
        LOG.fine(() -> "Mail to " + mail.to() + " via " + settings.server() + " failed, trying again: " + failure.getMessage());
      }
      throw failure;
    }
  }

  private MimeMessage message(Mail mail) throws MessagingException {
    MimeMessage message = new MimeMessage(settings.session());
    message.setFrom(new InternetAddress(settings.from(), true));
    message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.to(), true));
    message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
    if (mail.listUnsubscribe() != null) {
      message.setHeader("List-Unsubscribe", "<" + mail.listUnsubscribe() + ">");
    }
    message.setSentDate(new Date());
    if (mail.html() == null) {
      message.setText(mail.text(), StandardCharsets.UTF_8.name());
    } else {
      MimeBodyPart text = new MimeBodyPart();
      text.setText(mail.text(), StandardCharsets.UTF_8.name());
      MimeBodyPart html = new MimeBodyPart();
      html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
      Multipart alternatives = new MimeMultipart("alternative", text, html);
      message.setContent(alternatives);
    }
    return message;
  }
}
