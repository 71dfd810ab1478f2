package fr.sanscouture.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Counts the statements the database server runs, as PostgreSQL's {@code pg_stat_statements} records
 * them (top-level statements, transaction commands included): those of the request the benchmark
 * sends, one at a time, while the job executor is stopped. A multi-row insert is one statement, as the
 * server runs it, for the project and its baseline alike; the counter's own queries are left out.
 */
final class StatementCounter implements AutoCloseable {

  private static final String OWN_QUERIES = "%pg_stat_statements%";

  private final Connection db;

  StatementCounter(Connection db) throws SQLException {
    this.db = db;
    try (Statement statement = db.createStatement()) {
      statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    }
  }

  void reset() {
    query("SELECT pg_stat_statements_reset()");
  }

  long statements() {
    return query("SELECT coalesce(sum(calls), 0) FROM pg_stat_statements WHERE query NOT LIKE '" + OWN_QUERIES + "'");
  }

  private long query(String sql) {
    try (Statement statement = db.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getObject(1) instanceof Number number ? number.longValue() : 0;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws SQLException {
    db.close();
  }
}
