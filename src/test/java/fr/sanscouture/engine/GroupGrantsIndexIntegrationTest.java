package fr.sanscouture.engine;

import static org.assertj.core.api.Assertions.assertThat;

import fr.sanscouture.PostgresIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ids of the tasks a structure is granted, with their permissions, can be read from an index alone:
 * the branch of the task query's check that reads a référent's groups' grants compares the type, the
 * group and the resource type, and answers the resource id where the permissions match.
 */
class GroupGrantsIndexIntegrationTest extends PostgresIntegrationTest {

  @Autowired JdbcTemplate jdbc;

  @Test
  void aStructuresGrantsAreIndexedInTheOrderTheCheckReadsThemWithTheirPermissions() {
    List<String> columns = jdbc.queryForList("SELECT a.attname FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid"
        + " JOIN LATERAL unnest(x.indkey) WITH ORDINALITY AS k(attnum, position) ON true"
        + " JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum"
        + " WHERE i.relname = ? ORDER BY k.position", String.class, EngineIndexes.GROUP_GRANTS.toLowerCase());

    assertThat(columns).containsExactly("type_", "group_id_", "resource_type_", "resource_id_", "perms_");
  }
}
