package io.paperpulse.cli.digest;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Sends digest mails over SMTP with Jakarta Mail (Angus Mail): plain SMTP, or upgraded with
 * STARTTLS when asked, which is then required so that a server not offering it cannot make the
 * client send credentials in clear.
 */
final class SmtpMailer {

  /** Where and how to deliver; {@code user} null means no authentication. */
  record Settings(
      String host, int port, String user, String password, boolean startTls, Duration timeout) {

    @Override
    public String toString() {
      // never the password: these settings end up in messages
      return host
          + ":"
          + port
          + (startTls ? " (STARTTLS)" : "")
          + (user == null ? "" : " as " + user);
    }
  }

  /**
   * A send that failed; {@code retryable} when trying again later may succeed (connection trouble,
   * a 4xx reply).
   */
  static final class SendFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    SendFailure(String message, boolean retryable, Throwable cause) {
      super(message, cause);
      this.retryable = retryable;
    }

    boolean retryable() {
      return retryable;
    }
  }

  private final Settings settings;
  private final Session session;

  SmtpMailer(Settings settings) {
    this.settings = settings;
    Properties properties = new Properties();
    properties.setProperty("mail.smtp.host", settings.host());
    properties.setProperty("mail.smtp.port", Integer.toString(settings.port()));
    String timeout = Long.toString(settings.timeout().toMillis());
    // without these a silent server holds a send forever
    properties.setProperty("mail.smtp.connectiontimeout", timeout);
    properties.setProperty("mail.smtp.timeout", timeout);
    properties.setProperty("mail.smtp.writetimeout", timeout);
    if (settings.user() != null) {
      properties.setProperty("mail.smtp.auth", "true");
    }
    if (settings.startTls()) {
      properties.setProperty("mail.smtp.starttls.enable", "true");
      properties.setProperty("mail.smtp.starttls.required", "true");
      // the certificate must name the host, as a browser would insist
      properties.setProperty("mail.smtp.ssl.checkserveridentity", "true");
    }
    this.session = Session.getInstance(properties);
  }

  Settings settings() {
    return settings;
  }

  /**
   * The digest as a MIME message: multipart/alternative with the plain text first and the HTML last
   * (readers show the last part they can display). Built once per digest so that every attempt
   * sends the same Message-ID.
   */
  MimeMessage compose(DigestMail mail, InternetAddress from, List<InternetAddress> to)
      throws MessagingException {
    MimeMessage message = new MimeMessage(session);
    message.setFrom(from);
    message.setRecipients(Message.RecipientType.TO, to.toArray(new InternetAddress[0]));
    message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
    message.setSentDate(new Date());
    MimeBodyPart text = new MimeBodyPart();
    text.setText(mail.plainText(), StandardCharsets.UTF_8.name(), "plain");
    MimeBodyPart html = new MimeBodyPart();
    html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
    MimeMultipart alternative = new MimeMultipart("alternative");
    alternative.addBodyPart(text);
    alternative.addBodyPart(html);
    message.setContent(alternative);
    message.saveChanges();
    return message;
  }

  /** One delivery attempt of a composed message to all its recipients. */
  void send(MimeMessage message) throws SendFailure {
    Transport transport = null;
    try {
      transport = session.getTransport("smtp");
      transport.connect(settings.host(), settings.port(), settings.user(), settings.password());
      transport.sendMessage(message, message.getAllRecipients());
    } catch (AuthenticationFailedException e) {
      throw new SendFailure(
          "the SMTP server " + settings + " rejected the credentials (" + e.getMessage() + ")",
          false,
          e);
    } catch (MessagingException e) {
      throw new SendFailure(describe(e), isRetryable(e), e);
    } finally {
      closeQuietly(transport);
    }
  }

  /**
   * The mail is accepted once sendMessage returns; a QUIT that fails afterwards must not make it
   * look unsent.
   */
  private static void closeQuietly(Transport transport) {
    if (transport == null) {
      return;
    }
    try {
      transport.close();
    } catch (MessagingException e) {
      // nothing depends on a clean goodbye
    }
  }

  /**
   * Connection trouble and 4xx replies (the server's "try again later") are worth another attempt;
   * a 5xx reply, a recipient refused for good or a missing STARTTLS would only fail the same way
   * again.
   */
  private static boolean isRetryable(MessagingException e) {
    for (Throwable cause = e; cause != null; cause = next(cause)) {
      if (cause instanceof SMTPSendFailedException smtp) {
        return isTemporary(smtp.getReturnCode());
      }
      if (cause instanceof SMTPAddressFailedException recipient) {
        return isTemporary(recipient.getReturnCode());
      }
      if (cause instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  private static boolean isTemporary(int replyCode) {
    return replyCode >= 400 && replyCode < 500;
  }

  private String describe(MessagingException e) {
    StringBuilder message = new StringBuilder("sending through " + settings + " failed: ");
    message.append(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip());
    if (e instanceof SendFailedException failed
        && failed.getInvalidAddresses() != null
        && failed.getInvalidAddresses().length > 0) {
      message
          .append(" (refused recipients: ")
          .append(InternetAddress.toString(failed.getInvalidAddresses()))
          .append(')');
    }
    Throwable cause = next(e);
    if (cause != null
        && cause.getMessage() != null
        && !message.toString().contains(cause.getMessage())) {
      message
          .append(" (")
          .append(cause.getClass().getSimpleName())
          .append(": ")
          .append(cause.getMessage().strip())
          .append(')');
    }
    return message.toString().replaceAll("\\s+", " ");
  }

  private static Throwable next(Throwable cause) {
    if (cause instanceof MessagingException messaging && messaging.getNextException() != null) {
      return messaging.getNextException();
    }
    return cause.getCause() == cause ? null : cause.getCause();
  }
}
