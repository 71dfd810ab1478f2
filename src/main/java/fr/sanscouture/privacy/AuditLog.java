package fr.sanscouture.privacy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The application's part of the audit trail of a parcours: who read it, and what the partner systems
 * did to it. What users changed in the webapps is in the engine's user operation log.
 */
@Component
public class AuditLog {

  /** What was done to the parcours. */
  public enum Action { READ, STARTED, RSA_RIGHTS_ENDED, IMMERSION_LINK, IMMERSION_LINK_REFUSED }

  /** One line of the trail. */
  public record Entry(Instant at, String userId, String action, String detail) {}

  private final JdbcTemplate jdbc;

  public AuditLog(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void record(String userId, String parcoursId, Action action, String detail) {
    jdbc.update("INSERT INTO parcours_audit (occurred_at, user_id, parcours_id, action, detail) VALUES (?, ?, ?, ?, ?)",
        Timestamp.from(Instant.now()), userId, parcoursId, action.name(), detail.length() > 512 ? detail.substring(0, 512) : detail);
  }

  /** One row for each parcours, in one batch. */
  public void recordAll(String userId, Collection<String> parcoursIds, Action action, String detail) {
    Timestamp now = Timestamp.from(Instant.now());
    String kept = detail.length() > 512 ? detail.substring(0, 512) : detail;
    jdbc.batchUpdate("INSERT INTO parcours_audit (occurred_at, user_id, parcours_id, action, detail) VALUES (?, ?, ?, ?, ?)",
        parcoursIds.stream().map(parcoursId -> new Object[] {now, userId, parcoursId, action.name(), kept}).toList());
  }

  public List<Entry> of(String parcoursId) {
    return jdbc.query("SELECT occurred_at, user_id, action, detail FROM parcours_audit WHERE parcours_id = ? ORDER BY id",
        (row, n) -> new Entry(row.getTimestamp(1).toInstant(), row.getString(2), row.getString(3), row.getString(4)), parcoursId);
  }

  void erase(String parcoursId) {
    jdbc.update("DELETE FROM parcours_audit WHERE parcours_id = ?", parcoursId);
  }
}
