package fr.sanscouture.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import fr.sanscouture.parcours.EntryChannel;
import fr.sanscouture.parcours.NewParcours;
import fr.sanscouture.parcours.ParcoursService;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessagePreparator;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.TestSocketUtils;
import org.springframework.util.FileSystemUtils;

/**
 * The database stops between a mail's sending and its record: once it is back, that mail goes again,
 * under the same Message-ID, and no other mail goes twice. The application as production runs it, on a
 * PostgreSQL server of this test's own, which it stops and starts again on the same data; in a JVM of its
 * own (tag {@code own-database}), as the engine is one per JVM.
 */
@Tag("own-database")
@SpringBootTest
@ActiveProfiles("postgres")
@DirtiesContext
class MailExactlyOnceIntegrationTest {

  private static final int PORT = TestSocketUtils.findAvailableTcpPort();
  private static final Path DATA = temporaryDirectory();
  private static EmbeddedPostgres postgres = startPostgres();
  private static final GreenMail SMTP = startSmtp();
  /** Armed, the next mail sent stops the database as soon as it has left. */
  private static final AtomicBoolean STOP_AFTER_NEXT_MAIL = new AtomicBoolean();

  @Autowired ParcoursService parcoursService;
  @Autowired JdbcTemplate jdbc;

  @DynamicPropertySource
  static void environment(DynamicPropertyRegistry registry) {
    registry.add("DB_URL", () -> "jdbc:postgresql://localhost:" + PORT + "/postgres");
    registry.add("DB_USERNAME", () -> "postgres");
    registry.add("DB_PASSWORD", () -> "");
    registry.add("spring.datasource.hikari.connection-timeout", () -> "2000");
    registry.add("MAIL_HOST", () -> "127.0.0.1");
    registry.add("MAIL_PORT", () -> SMTP.getSmtp().getPort());
    registry.add("MAIL_SMTP_AUTH", () -> "false");
    registry.add("MAIL_STARTTLS", () -> "false");
    // a job whose node lost the database is taken up again after 5 seconds instead of 5 minutes
    registry.add("camunda.bpm.job-execution.lock-time-in-millis", () -> "5000");
  }

  @AfterAll
  static void stop() throws IOException {
    SMTP.stop();
    postgres.close();
    FileSystemUtils.deleteRecursively(DATA);
  }

  @Test
  void aMailSentJustBeforeTheDatabaseStopsGoesAgainOnceUnderTheSameMessageId() throws Exception {
    STOP_AFTER_NEXT_MAIL.set(true);
    String parcoursId = parcoursService.start(new NewParcours(EntryChannel.CAF, "Inès", "Panne", LocalDate.of(1991, 7, 8),
        "ines.panne@exemple.example", "84000", "7000001", null, null)).parcoursId();

    await().atMost(Duration.ofSeconds(30)).until(() -> toInes().size() == 1 && !STOP_AFTER_NEXT_MAIL.get());
    Thread.sleep(2000);
    postgres = startPostgres();

    await().atMost(Duration.ofSeconds(60)).until(() -> toInes().size() == 2);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForObject(
        "SELECT count(*) FROM sent_mail WHERE template = 'invitation' AND process_instance_id IN"
            + " (SELECT proc_inst_id_ FROM act_hi_procinst WHERE business_key_ = ?)", Integer.class, parcoursId)).isEqualTo(1));
    Thread.sleep(7000);
    List<MimeMessage> received = toInes();
    assertThat(received).as("the invitation, then the same again once the database is back").hasSize(2);
    assertThat(received.get(1).getMessageID()).isEqualTo(received.get(0).getMessageID());
    assertThat(jdbc.queryForObject("SELECT message_id FROM sent_mail WHERE template = 'invitation' AND process_instance_id IN"
        + " (SELECT proc_inst_id_ FROM act_hi_procinst WHERE business_key_ = ?)", String.class, parcoursId))
        .isEqualTo(received.get(0).getMessageID());
  }

  private static List<MimeMessage> toInes() {
    return Arrays.stream(SMTP.getReceivedMessages()).filter(mail -> {
      try {
        return Arrays.stream(mail.getAllRecipients()).anyMatch(address -> address.toString().equals("ines.panne@exemple.example"));
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  /** The application's mail sender (in place of the one the mail settings make), which stops the database right after the armed mail left. */
  @TestConfiguration
  static class StopTheDatabaseAfterAMail {

    @Bean
    JavaMailSender stoppingSender() {
      JavaMailSenderImpl sender = new JavaMailSenderImpl();
      sender.setHost("127.0.0.1");
      sender.setPort(SMTP.getSmtp().getPort());
      sender.setDefaultEncoding("UTF-8");
      return new StoppingSender(sender);
    }
  }

  private record StoppingSender(JavaMailSender sender) implements JavaMailSender {

    @Override
    public MimeMessage createMimeMessage() {
      return sender.createMimeMessage();
    }

    @Override
    public MimeMessage createMimeMessage(InputStream contentStream) {
      return sender.createMimeMessage(contentStream);
    }

    @Override
    public void send(MimeMessage... mimeMessages) {
      sender.send(mimeMessages);
      if (STOP_AFTER_NEXT_MAIL.get()) {
        try {
          postgres.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        STOP_AFTER_NEXT_MAIL.set(false);
      }
    }

    @Override
    public void send(MimeMessagePreparator... mimeMessagePreparators) {
      sender.send(mimeMessagePreparators);
    }

    @Override
    public void send(SimpleMailMessage... simpleMessages) {
      sender.send(simpleMessages);
    }
  }

  private static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("sans-couture-mail-once");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static EmbeddedPostgres startPostgres() {
    try {
      return EmbeddedPostgres.builder().setDataDirectory(DATA).setCleanDataDirectory(false).setPort(PORT).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static GreenMail startSmtp() {
    GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    return smtp;
  }
}
