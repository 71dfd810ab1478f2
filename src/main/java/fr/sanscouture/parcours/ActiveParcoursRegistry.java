package fr.sanscouture.parcours;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

/**
 * Which person has an active parcours. Claims run in the transaction that starts the parcours and
 * releases in the one that ends it, so the registry and the engine never disagree.
 */
@Repository
class ActiveParcoursRegistry {

  private final NamedParameterJdbcTemplate jdbc;

  ActiveParcoursRegistry(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Claims the keys for a parcours; a key already claimed fails with a DuplicateKeyException. */
  void claim(String parcoursId, PersonKeys keys) {
    // one batch: a single statement on PostgreSQL, whose driver joins batched inserts
    jdbc.batchUpdate("INSERT INTO active_parcours_key (person_key, parcours_id) VALUES (:key, :parcoursId)",
        keys.digests().stream()
            .map(key -> new MapSqlParameterSource("key", key).addValue("parcoursId", parcoursId))
            .toArray(SqlParameterSource[]::new));
  }

  Optional<String> activeParcoursOf(PersonKeys keys) {
    List<String> ids = jdbc.queryForList(
        "SELECT parcours_id FROM active_parcours_key WHERE person_key IN (:keys)",
        Collections.singletonMap("keys", keys.digests()), String.class);
    return ids.stream().findFirst();
  }

  void release(String parcoursId) {
    jdbc.update("DELETE FROM active_parcours_key WHERE parcours_id = :parcoursId",
        Collections.singletonMap("parcoursId", parcoursId));
  }
}
