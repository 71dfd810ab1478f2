package fr.sanscouture.engine;

import static org.assertj.core.api.Assertions.assertThat;

import fr.sanscouture.PostgresIntegrationTest;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The job executor acquires due jobs by due date, through the index the application adds. */
class JobAcquisitionIntegrationTest extends PostgresIntegrationTest {

  @Autowired ProcessEngineConfigurationImpl engine;
  @Autowired JdbcTemplate jdbc;

  @Test
  void dueJobsAreLookedUpByDueDateThroughAnIndex() {
    assertThat(engine.isJobExecutorAcquireByDueDate()).isTrue();
    assertThat(engine.isEnsureJobDueDateNotNull()).isTrue();
    assertThat(jdbc.queryForObject("SELECT indexdef FROM pg_indexes WHERE indexname = ?", String.class,
        EngineIndexes.JOB_DUE_DATE.toLowerCase())).contains("act_ru_job", "duedate_");
  }
}
