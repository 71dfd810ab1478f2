package fr.sanscouture.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * The job executor looks for due jobs by due date, through an index: a running parcours keeps about five
 * timers waiting weeks ahead (reminders, deadlines, milestones), and without it every acquisition read
 * them all to find the few that are due. Every job gets a due date (an async continuation's is its
 * creation), so that the index serves the whole condition.
 */
@Component
class JobAcquisitionPlugin extends AbstractProcessEnginePlugin {

  static final String INDEX = "SC_IDX_JOB_DUEDATE";

  private DataSource dataSource;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setJobExecutorAcquireByDueDate(true);
    configuration.setEnsureJobDueDateNotNull(true);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    dataSource = configuration.getDataSource();
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    // the engine has created its tables by now; PostgreSQL and H2 both know IF NOT EXISTS
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE INDEX IF NOT EXISTS " + INDEX + " ON ACT_RU_JOB (DUEDATE_)");
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      throw new ProcessEngineException("Could not create the index of the jobs' due dates", e);
    }
  }
}
