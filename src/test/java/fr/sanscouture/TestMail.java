package fr.sanscouture;

import fr.sanscouture.mail.Mailer;
import java.nio.charset.StandardCharsets;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** The application's Mailer and templates, sending to an SMTP server of the test's (GreenMail). */
public final class TestMail {

  public static final String FROM = "Réseau pour l'emploi de Vaucluse <ne-pas-repondre@sans-couture.example>";

  private TestMail() {}

  public static Mailer mailer(int smtpPort) {
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
    return new Mailer(sender, templates, FROM);
  }
}
