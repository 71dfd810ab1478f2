package fr.sanscouture.engine;

import static org.assertj.core.api.Assertions.assertThat;

import fr.sanscouture.PostgresIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The application's indexes of the engine's tables exist on PostgreSQL, with their columns in order (the job due date's: {@link JobAcquisitionIntegrationTest}). */
class EngineIndexesIntegrationTest extends PostgresIntegrationTest {

  @Autowired JdbcTemplate jdbc;

  /**
   * The branch of the task query's check that reads a référent's groups' grants compares the type, the
   * group and the resource type, and answers the resource id where the permissions match: from the index alone.
   */
  @Test
  void aStructuresGrantsAreIndexedInTheOrderTheCheckReadsThemWithTheirPermissions() {
    assertThat(columnsOf(EngineIndexes.GROUP_GRANTS)).containsExactly("type_", "group_id_", "resource_type_", "resource_id_", "perms_");
  }

  /** A completion looks for the task's sub-tasks by their parent. */
  @Test
  void tasksAreIndexedByTheirParentTask() {
    assertThat(columnsOf(EngineIndexes.TASK_PARENT)).containsExactly("parent_task_id_");
  }

  /** Tasklist's inbox reads a page of tasks in its order: the most urgent first, then by due date. */
  @Test
  void tasksAreIndexedInTheOrderOfTheInbox() {
    assertThat(columnsOf(EngineIndexes.TASK_INBOX_ORDER)).containsExactly("priority_", "due_date_");
  }

  private List<String> columnsOf(String index) {
    return jdbc.queryForList("SELECT a.attname FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid"
        + " JOIN LATERAL unnest(x.indkey) WITH ORDINALITY AS k(attnum, position) ON true"
        + " JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum"
        + " WHERE i.relname = ? ORDER BY k.position", String.class, index.toLowerCase());
  }
}
