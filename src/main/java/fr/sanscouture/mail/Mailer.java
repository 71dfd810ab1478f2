package fr.sanscouture.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Sends the service's mails, written in French from the templates under {@code templates/mail/}.
 * Called from delegates that stand between async boundaries: a failure fails the job, which the engine
 * retries, then turns into an incident whose message says in French which mail did not leave.
 * <p>
 * Each mail is written down in {@code sent_mail} in the job's transaction, and its Message-ID is its
 * process instance and its rank among that instance's mails. When the transaction fails after the mail
 * left (the database gone between the two), the job runs again and sends that mail again under the same
 * Message-ID, which mail systems recognise as the same message; a committed mail is never sent again.
 */
@Component
public class Mailer {

  private static final Pattern TITLE = Pattern.compile("<title>(.*?)</title>", Pattern.DOTALL);

  private final JavaMailSender sender;
  private final ITemplateEngine templates;
  private final JdbcTemplate jdbc;
  private final String from;
  private final String domain;

  public Mailer(JavaMailSender sender, ITemplateEngine templates, JdbcTemplate jdbc, @Value("${sans-couture.mail.from}") String from) {
    this.sender = sender;
    this.templates = templates;
    this.jdbc = jdbc;
    this.from = from;
    try {
      String address = new InternetAddress(from).getAddress();
      this.domain = address.substring(address.indexOf('@') + 1);
    } catch (MessagingException e) {
      throw new IllegalArgumentException("sans-couture.mail.from is no address: " + from, e);
    }
  }

  /** Renders {@code templates/mail/<template>.html} with the model and sends it to one recipient, for a process instance. */
  public void send(String processInstanceId, String to, String subject, String template, Map<String, Object> model) {
    send(processInstanceId, List.of(to), subject, template, model);
  }

  /** Renders {@code templates/mail/<template>.html} with the model and sends it to the recipients, as one mail. */
  public void send(String processInstanceId, List<String> to, String subject, String template, Map<String, Object> model) {
    String body = templates.process("mail/" + template, new Context(Locale.FRANCE, model));
    int rank = jdbc.queryForObject("SELECT count(*) FROM sent_mail WHERE process_instance_id = ?", Integer.class, processInstanceId) + 1;
    String messageId = "<" + processInstanceId + "." + rank + "@" + domain + ">";
    MimeMessage message = withMessageId(sender.createMimeMessage().getSession(), messageId);
    try {
      MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
      helper.setFrom(from);
      helper.setTo(to.toArray(String[]::new));
      helper.setSubject(subject);
      helper.setText(body, true);
    } catch (MessagingException e) {
      throw new MailPreparationException("Mail " + template + " could not be prepared", e);
    }
    try {
      sender.send(message);
    } catch (MailException e) {
      throw new MailNotSentException(title(body, template), e);
    }
    jdbc.update("INSERT INTO sent_mail (message_id, process_instance_id, rank_in_instance, template, sent_at) VALUES (?, ?, ?, ?, ?)",
        messageId, processInstanceId, rank, template, new Timestamp(ClockUtil.getCurrentTime().getTime()));
  }

  private static MimeMessage withMessageId(Session session, String messageId) {
    return new MimeMessage(session) {
      @Override
      protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
      }
    };
  }

  /** The mail's title, as its template names it (no person's data: incidents show it to the pilotes). */
  private static String title(String body, String template) {
    Matcher title = TITLE.matcher(body);
    return title.find() ? title.group(1).strip() : template;
  }

  /** Whether a job's failure (an incident's message) is a mail that did not leave. */
  public static boolean isNotSent(String failure) {
    return failure != null && failure.startsWith(MailNotSentException.BEGINNING);
  }

  /** A mail that did not leave: the job's failure, and the incident's message, in French. */
  static final class MailNotSentException extends RuntimeException {

    static final String BEGINNING = "Le courriel « ";

    MailNotSentException(String title, MailException cause) {
      super(BEGINNING + title + " » n'a pas pu partir : " + reason(cause), cause);
    }

    private static String reason(MailException cause) {
      String what = cause instanceof MailAuthenticationException
          ? "le serveur de courriel a refusé l'identifiant de l'application"
          : "le serveur de courriel ne répond pas ou l'a refusé";
      return what + ". Il sera réessayé ; après le dernier essai, relancez-le une fois le serveur de courriel réparé.";
    }
  }
}
