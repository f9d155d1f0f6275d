package io.convot.notification;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a mail was not sent: {@link Transient} (the server could not be reached, answered 4xx or cut the
 * connection while logging in: worth trying again) or {@link Permanent} (5xx, a refused login or
 * address: trying again cannot help).
 * The message is the SMTP server's own answer or the connection error, never the mail's content.
 */
public abstract sealed class MailFailure extends RuntimeException permits MailFailure.Transient, MailFailure.Permanent {

  /** A reply code at the start of a line or after "response:", as Jakarta Mail reports them. */
  private static final Pattern REPLY_CODE = Pattern.compile("(?:^|response:\\s*)([245])\\d\\d\\b");

  MailFailure(String message, Throwable cause) {
    super(message, cause);
  }

  public static final class Transient extends MailFailure {
    Transient(String message, Throwable cause) {
      super(message, cause);
    }
  }

  public static final class Permanent extends MailFailure {
    Permanent(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Sorts a failed send into transient or permanent. */
  public static MailFailure of(MessagingException failure) {
    String message = describe(failure);
    if (failure instanceof AddressException) {
      return new Permanent(message, failure);
    }
    if (failure instanceof AuthenticationFailedException) {
      // A refused login answers 5xx (535); 454 is a temporary failure, and no answer at all ("[EOF]")
      // is a connection lost while logging in: both are worth trying again.
      return replyClass(failure) == '5' ? new Permanent(message, failure) : new Transient(message, failure);
    }
    if (failure instanceof SendFailedException refused && refused.getInvalidAddresses() != null
        && refused.getInvalidAddresses().length > 0 && replyClass(failure) != '4') {
      return new Permanent(message, failure);
    }
    char replyClass = replyClass(failure);
    if (replyClass == '4' || (replyClass == 0 && causedByIo(failure))) {
      return new Transient(message, failure);
    }
    return new Permanent(message, failure);
  }

  /** '4' or '5' from the first SMTP reply code in the chain; 0 when there is none. */
  private static char replyClass(Throwable failure) {
    for (Throwable t : chain(failure)) {
      if (t.getMessage() != null) {
        Matcher code = REPLY_CODE.matcher(t.getMessage().trim());
        if (code.find() && code.group(1).charAt(0) != '2') {
          return code.group(1).charAt(0);
        }
      }
    }
    return 0;
  }

  private static boolean causedByIo(Throwable failure) {
    for (Throwable t : chain(failure)) {
      if (t instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  /** The failure and its causes (Jakarta Mail's next exceptions), at most ten deep. */
  private static List<Throwable> chain(Throwable failure) {
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = failure; t != null && chain.size() < 10 && !chain.contains(t); t = t.getCause()) {
      chain.add(t);
    }
    return chain;
  }

  private static String describe(Throwable failure) {
    StringBuilder text = new StringBuilder();
    for (Throwable t : chain(failure)) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        text.append(text.length() == 0 ? "" : "; ").append(t.getMessage().strip());
      }
    }
    return text.length() == 0 ? failure.getClass().getSimpleName() : text.toString();
  }
}
