package fr.sanscouture.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.stereotype.Component;

/**
 * The indexes the application adds to the engine's tables, created once the engine has created them
 * (PostgreSQL and H2 both know {@code CREATE INDEX IF NOT EXISTS}).
 */
@Component
class EngineIndexes extends AbstractProcessEnginePlugin {

  /** The job executor's look-up of due jobs, by due date ({@link JobAcquisitionPlugin}). */
  static final String JOB_DUE_DATE = "SC_IDX_JOB_DUEDATE";
  /**
   * The ids a structure is granted, with the permissions granted: the task query's check of a
   * référent's inbox ({@code access.AuthorizationSql}) reads them from the index alone, without
   * visiting each grant in the table (one per open task of the structure).
   */
  static final String GROUP_GRANTS = "SC_IDX_AUTH_GROUP_GRANTS";

  /**
   * The sub-tasks of a task: the engine looks for them each time a task is completed or deleted, and
   * has no index for it, so that each completion would read every open task.
   */
  static final String TASK_PARENT = "SC_IDX_TASK_PARENT";

  /**
   * The tasks in the order Tasklist's inbox sorts them (the most urgent first, then by due date): the
   * database reads a page of the inbox from it and stops, instead of sorting every task of the structure.
   */
  static final String TASK_INBOX_ORDER = "SC_IDX_TASK_INBOX_ORDER";

  private static final Map<String, String> INDEXES = Map.of(
      JOB_DUE_DATE, "ACT_RU_JOB (DUEDATE_)",
      GROUP_GRANTS, "ACT_RU_AUTHORIZATION (TYPE_, GROUP_ID_, RESOURCE_TYPE_, RESOURCE_ID_, PERMS_)",
      TASK_PARENT, "ACT_RU_TASK (PARENT_TASK_ID_)",
      TASK_INBOX_ORDER, "ACT_RU_TASK (PRIORITY_ DESC, DUE_DATE_ ASC)");

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    try (Connection connection = processEngine.getProcessEngineConfiguration().getDataSource().getConnection();
        Statement statement = connection.createStatement()) {
      for (Map.Entry<String, String> index : INDEXES.entrySet()) {
        statement.execute("CREATE INDEX IF NOT EXISTS " + index.getKey() + " ON " + index.getValue());
      }
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      throw new ProcessEngineException("Could not create the application's indexes of the engine's tables", e);
    }
  }
}
