package fr.sanscouture.immersion;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** The immersion agreements of the parcours (table {@code immersion_agreement}). */
@Component
public class ImmersionAgreements {

  /** Where an agreement stands. */
  public enum Status { PENDING, VALIDATED, CANCELLED, COMPLETED }

  /** Who signs through a personal link. */
  public enum Party { PERSON, COMPANY }

  /** One agreement, as the signature and bilan pages need it. */
  public record Agreement(String id, String parcoursId, String processInstanceId, LocalDate start, LocalDate end,
      Status status, boolean personSigned, boolean companySigned) {

    boolean signedBy(Party party) {
      return party == Party.PERSON ? personSigned : companySigned;
    }
  }

  private final JdbcTemplate jdbc;

  public ImmersionAgreements(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Records a new agreement waiting for its signatures; returns its id. */
  String register(String parcoursId, String processInstanceId, LocalDate start, LocalDate end) {
    String id = UUID.randomUUID().toString();
    jdbc.update("INSERT INTO immersion_agreement (id, parcours_id, process_instance_id, start_date, end_date, status, created_at)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?)", id, parcoursId, processInstanceId, Date.valueOf(start), Date.valueOf(end),
        Status.PENDING.name(), Timestamp.from(Instant.now()));
    return id;
  }

  private static final String SELECT = "SELECT id, parcours_id, process_instance_id, start_date, end_date, status,"
      + " person_signed_at, company_signed_at FROM immersion_agreement";
  private static final RowMapper<Agreement> AGREEMENT = (row, n) -> new Agreement(row.getString(1), row.getString(2),
      row.getString(3), row.getDate(4).toLocalDate(), row.getDate(5).toLocalDate(), Status.valueOf(row.getString(6)),
      row.getTimestamp(7) != null, row.getTimestamp(8) != null);

  Optional<Agreement> find(String id) {
    return jdbc.query(SELECT + " WHERE id = ?", AGREEMENT, id).stream().findFirst();
  }

  /** The person's other immersions, pending or held, that share a day with the given period. */
  List<Agreement> overlapping(String parcoursId, LocalDate start, LocalDate end) {
    return jdbc.query(SELECT + " WHERE parcours_id = ? AND status <> ? AND start_date <= ? AND end_date >= ? ORDER BY start_date",
        AGREEMENT, parcoursId, Status.CANCELLED.name(), Date.valueOf(end), Date.valueOf(start));
  }

  void markSigned(String id, Party party, Instant at) {
    String column = party == Party.PERSON ? "person_signed_at" : "company_signed_at";
    jdbc.update("UPDATE immersion_agreement SET " + column + " = ? WHERE id = ?", Timestamp.from(at), id);
  }

  /** Cancels the agreement if it is still pending or validated. */
  void cancelIfOpen(String id) {
    jdbc.update("UPDATE immersion_agreement SET status = ? WHERE id = ? AND status IN (?, ?)", Status.CANCELLED.name(), id,
        Status.PENDING.name(), Status.VALIDATED.name());
  }

  void setStatus(String id, Status status) {
    jdbc.update("UPDATE immersion_agreement SET status = ? WHERE id = ?", status.name(), id);
  }

  /** Removes the parcours' agreements and their links (the erasure of a parcours). */
  public void erase(String parcoursId) {
    jdbc.update("DELETE FROM immersion_agreement WHERE parcours_id = ?", parcoursId);
  }
}
