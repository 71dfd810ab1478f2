package fr.sanscouture;

import fr.sanscouture.mail.Mailer;
import java.nio.charset.StandardCharsets;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** The application's Mailer and templates, sending to an SMTP server of the test's (GreenMail). */
public final class TestMail {

  public static final String FROM = "Réseau pour l'emploi de Vaucluse <ne-pas-repondre@sans-couture.example>";

  private TestMail() {}

  /** The application's Mailer, writing what it sends in the given database (with the application's tables). */
  public static Mailer mailer(int smtpPort, DataSource database) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(smtpPort);
    sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/");
    resolver.setSuffix(".html");
    resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
    SpringTemplateEngine templates = new SpringTemplateEngine();
    templates.setTemplateResolver(resolver);
    return new Mailer(sender, templates, new JdbcTemplate(database), FROM);
  }
}
