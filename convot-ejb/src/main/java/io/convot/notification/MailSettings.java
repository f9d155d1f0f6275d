package io.convot.notification;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The operator's SMTP settings and the mail session built from them once. Without an SMTP host mail
 * is off: notices are logged instead of sent. The password is only ever handed to the session.
 */
@ApplicationScoped
public class MailSettings {

  @Inject
  @ConfigProperty(name = "convot.mail.smtp-host")
  Optional<String> smtpHost;

  @Inject
  @ConfigProperty(name = "convot.mail.smtp-port", defaultValue = "587")
  int smtpPort;

  @Inject
  @ConfigProperty(name = "convot.mail.from", defaultValue = "Convot <convot@localhost>")
  String from;

  @Inject
  @ConfigProperty(name = "convot.mail.username")
  Optional<String> username;

  @Inject
  @ConfigProperty(name = "convot.mail.password")
  Optional<String> password;

  @Inject
  @ConfigProperty(name = "convot.mail.starttls", defaultValue = "true")
  boolean starttls;

  @Inject
  @ConfigProperty(name = "convot.mail.timeout", defaultValue = "PT10S")
  Duration timeout;

  private Session session;

  @PostConstruct
  void build() {
    if (enabled()) {
      session = Session.getInstance(properties(), authenticator());
    }
  }

  public boolean enabled() {
    return smtpHost.filter(host -> !host.isBlank()).isPresent();
  }

  /** The session to send with; only when {@link #enabled()}. */
  public Session session() {
    return session;
  }

  public String from() {
    return from;
  }

  /** Where mail goes, for log lines: host and port, never the credentials. */
  public String server() {
    return smtpHost.orElse("") + ":" + smtpPort;
  }

  private Properties properties() {
    Properties properties = new Properties();
    String millis = Long.toString(timeout.toMillis());
    properties.put("mail.transport.protocol", "smtp");
    properties.put("mail.smtp.host", smtpHost.orElseThrow().trim());
    properties.put("mail.smtp.port", Integer.toString(smtpPort));
    properties.put("mail.smtp.connectiontimeout", millis);
    properties.put("mail.smtp.timeout", millis);
    properties.put("mail.smtp.writetimeout", millis);
    // STARTTLS on means required: mail (and the password) never goes out in the clear by accident.
    properties.put("mail.smtp.starttls.enable", Boolean.toString(starttls));
    properties.put("mail.smtp.starttls.required", Boolean.toString(starttls));
    properties.put("mail.smtp.auth", Boolean.toString(username.isPresent()));
    return properties;
  }

  private Authenticator authenticator() {
    if (username.isEmpty()) {
      return null;
    }
    String user = username.get();
    String secret = password.orElse("");
    return new Authenticator() {
      @Override
      protected PasswordAuthentication getPasswordAuthentication() {
        return new PasswordAuthentication(user, secret);
      }
    };
  }
}
