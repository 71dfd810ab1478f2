package fr.sanscouture.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * How fast the job executor drains due jobs: the chosen jobs are made due at once (a due date in 2001,
 * which no other job has), the job executor starts, and the clock stops when the last of them has run.
 * What a job does is part of its time, the exclusive jobs it creates in its instance included: the
 * engine runs them at once on the same thread (a reminder's timer, then its mail, then the step after
 * the mail).
 */
final class Drain {

  private static final String DUE = "TIMESTAMP '2001-01-01 00:00:00'";

  /** @param jobsPerSecond the due jobs run per second; @param failed the jobs that failed meanwhile */
  record Rate(double jobsPerSecond, long failed) {}

  private Drain() {}

  /** Drains the jobs that {@code choice} selects (a query of job ids), {@code count} of them. */
  static Rate run(BenchApp app, Connection db, String choice, int count) throws Exception {
    long failedBefore = count(db, "SELECT count(*) FROM act_ru_job WHERE exception_msg_ IS NOT NULL");
    try (Statement statement = db.createStatement()) {
      int due = statement.executeUpdate("UPDATE act_ru_job SET duedate_ = " + DUE + " WHERE id_ IN (" + choice + " LIMIT " + count + ")");
      if (due != count) {
        throw new IllegalStateException("Only " + due + " jobs to drain, not " + count + ": " + choice);
      }
    }
    try (Statement statement = db.createStatement()) {
      // what earlier work left in the server's buffers is written now, not during this side's drain
      statement.execute("CHECKPOINT");
    }
    long start = System.nanoTime();
    app.startJobExecutor();
    try {
      BenchApp.await(Duration.ofMinutes(30), () -> count(db, "SELECT count(*) FROM act_ru_job WHERE duedate_ = " + DUE) == 0);
      double seconds = (System.nanoTime() - start) / 1e9;
      BenchApp.await(Duration.ofMinutes(30), () -> count(db, "SELECT count(*) FROM act_ru_job WHERE duedate_ <= now() AND retries_ > 0") == 0);
      return new Rate(count / seconds, count(db, "SELECT count(*) FROM act_ru_job WHERE exception_msg_ IS NOT NULL") - failedBefore);
    } finally {
      app.stopJobExecutor();
    }
  }

  static long count(Connection db, String sql) {
    try (Statement statement = db.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
