package fr.sanscouture.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import fr.sanscouture.PostgresIntegrationTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Retention as deployed: 2 years of history for every model, a nightly cleanup that actually runs. */
class RetentionConfigurationIntegrationTest extends PostgresIntegrationTest {

  @Autowired ProcessEngine processEngine;

  @Test
  void everyModelKeepsItsHistoryTwoYearsAndTheCleanupIsScheduledEveryNight() {
    assertThat(processEngine.getRepositoryService().createProcessDefinitionQuery().list())
        .isNotEmpty().extracting(ProcessDefinition::getHistoryTimeToLive).containsOnly(730);
    assertThat(processEngine.getRepositoryService().createDecisionDefinitionQuery().list())
        .isNotEmpty().extracting(DecisionDefinition::getHistoryTimeToLive).containsOnly(730);

    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("20:00");
    assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("06:00");
    assertThat(configuration.getHistoryRemovalTimeStrategy()).isEqualTo("end");
    assertThat(processEngine.getHistoryService().findHistoryCleanupJobs()).isNotEmpty();
  }
}
