package fr.sanscouture.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Sends the service's mails, written in French from the templates under {@code templates/mail/}.
 * Called from delegates that stand between async boundaries, so that a failure is retried by the job
 * executor and a later failure does not send the mail again.
 */
@Component
public class Mailer {

  private final JavaMailSender sender;
  private final ITemplateEngine templates;
  private final String from;

  public Mailer(JavaMailSender sender, ITemplateEngine templates, @Value("${sans-couture.mail.from}") String from) {
    this.sender = sender;
    this.templates = templates;
    this.from = from;
  }

  /** Renders {@code templates/mail/<template>.html} with the model and sends it to one recipient. */
  public void send(String to, String subject, String template, Map<String, Object> model) {
    send(List.of(to), subject, template, model);
  }

  /** Renders {@code templates/mail/<template>.html} with the model and sends it to the recipients, as one mail. */
  public void send(List<String> to, String subject, String template, Map<String, Object> model) {
    String body = templates.process("mail/" + template, new Context(Locale.FRANCE, model));
    MimeMessage message = sender.createMimeMessage();
    try {
      MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
      helper.setFrom(from);
      helper.setTo(to.toArray(String[]::new));
      helper.setSubject(subject);
      helper.setText(body, true);
    } catch (MessagingException e) {
      throw new MailPreparationException("Mail " + template + " could not be prepared", e);
    }
    sender.send(message);
  }
}
