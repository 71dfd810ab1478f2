package fr.sanscouture.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The embedded default's SMTP server: it keeps every mail the application sends, in memory, for the
 * page {@code /mailbox}. Absent from the {@code postgres} profile.
 */
@Configuration
@Profile("default")
class CapturedMailConfig {

  @Bean(initMethod = "start", destroyMethod = "stop")
  GreenMail capturedMail(@Value("${sans-couture.captured-mail.port}") int port) {
    return new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
  }
}
