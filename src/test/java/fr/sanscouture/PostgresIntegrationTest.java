package fr.sanscouture;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application as production runs it ({@code postgres} profile), on a real PostgreSQL server and a
 * real SMTP server, both started once for the whole test run; the Spring context is shared by every
 * subclass. Metrics are exported as in production (tests turn them off by default).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
@AutoConfigureObservability(tracing = false)
public abstract class PostgresIntegrationTest {

  protected static final String PASSWORD = "Mot-de-passe-2026";
  private static final EmbeddedPostgres POSTGRES = startPostgres();
  protected static final GreenMail SMTP = startSmtp();

  @Autowired
  protected IdentityService identityService;

  private static EmbeddedPostgres startPostgres() {
    try {
      return EmbeddedPostgres.builder().start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static GreenMail startSmtp() {
    GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    return smtp;
  }

  @DynamicPropertySource
  static void productionEnvironment(DynamicPropertyRegistry registry) {
    registry.add("DB_URL", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
    registry.add("DB_USERNAME", () -> "postgres");
    registry.add("DB_PASSWORD", () -> "");
    // the server may stop before the context at the end of the run: do not wait on it for long
    registry.add("spring.datasource.hikari.connection-timeout", () -> "2000");
    registry.add("MAIL_HOST", () -> "127.0.0.1");
    registry.add("MAIL_PORT", () -> SMTP.getSmtp().getPort());
    registry.add("MAIL_SMTP_AUTH", () -> "false");
    registry.add("MAIL_STARTTLS", () -> "false");
  }

  /** Creates an administrator's account once (group {@code camunda-admin}). */
  protected void administrator(String id) {
    if (identityService.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).count() == 0) {
      Group administrators = identityService.newGroup(Groups.CAMUNDA_ADMIN);
      administrators.setType(Groups.GROUP_TYPE_SYSTEM);
      identityService.saveGroup(administrators);
    }
    account(id, Groups.CAMUNDA_ADMIN);
  }

  /** Creates an account once, member of the given groups (a role, a structure, a bassin). */
  protected void account(String id, String... groupIds) {
    if (identityService.createUserQuery().userId(id).count() > 0) {
      return;
    }
    User user = identityService.newUser(id);
    user.setFirstName(id);
    user.setLastName("Test");
    user.setEmail(id + "@test.example");
    user.setPassword(PASSWORD);
    identityService.saveUser(user);
    List.of(groupIds).forEach(group -> identityService.createMembership(id, group));
  }
}
