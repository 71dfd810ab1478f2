package fr.sanscouture.engine;

import static org.assertj.core.api.Assertions.assertThat;

import fr.sanscouture.PostgresIntegrationTest;
import java.util.List;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ids of the tasks a structure is granted, with their permissions, are read from an index alone:
 * the branch of the task query's check that reads a référent's groups' grants.
 */
class GroupGrantsIndexIntegrationTest extends PostgresIntegrationTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transaction;

  @Test
  void aStructuresGrantedTaskIdsAreReadWithoutVisitingTheGrants() {
    jdbc.execute("VACUUM ACT_RU_AUTHORIZATION");

    List<String> plan = transaction.execute(status -> {
      // whatever the size of the table, the question is whether an index can answer without the table
      jdbc.execute("SET LOCAL enable_seqscan = off");
      jdbc.execute("SET LOCAL enable_bitmapscan = off");
      return jdbc.queryForList("EXPLAIN SELECT A.RESOURCE_ID_ FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ IN (0, 1)"
          + " AND A.GROUP_ID_ IN ('structure-dept-grand-avignon', 'role-referent') AND A.RESOURCE_TYPE_ = ?"
          + " AND A.PERMS_ & ? = ?", String.class, Resources.TASK.resourceType(), Permissions.READ.getValue(), Permissions.READ.getValue());
    });

    assertThat(String.join("\n", plan)).contains("Index Only Scan using " + EngineIndexes.GROUP_GRANTS.toLowerCase());
  }
}
