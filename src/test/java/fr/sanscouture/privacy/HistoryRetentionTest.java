package fr.sanscouture.privacy;

import static fr.sanscouture.ProcessTestSupport.at;
import static fr.sanscouture.ProcessTestSupport.person;
import static org.assertj.core.api.Assertions.assertThat;

import fr.sanscouture.ProcessTestBase;
import fr.sanscouture.ProcessTestSupport;
import fr.sanscouture.Steps;
import fr.sanscouture.contract.EngagementContractProcess;
import fr.sanscouture.orientation.OrientationProcess;
import fr.sanscouture.parcours.EntryChannel;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A person's history is kept 2 years after the end of the process, then the history cleanup removes it. */
@Deployment(resources = {EngagementContractProcess.RESOURCE, "forms/engagement-contract.form"})
class HistoryRetentionTest extends ProcessTestBase {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension
      .builder(ProcessTestSupport.engine("retention-test", BEANS)).build();

  @Override
  protected ProcessEngine engine() {
    return engine.getProcessEngine();
  }

  @Test
  void theHistoryOfAnEndedProcessIsRemovedTwoYearsAfterItsEnd() {
    VariableMap variables = person("parcours-1", EntryChannel.CAF, "84000");
    ProcessTestSupport.ledByKarim(processEngine.getIdentityService(), variables);
    variables.putValue(OrientationProcess.ORIENTATION_DATE.getName(), at(2026, 11, 2, 10, 0));
    ProcessInstance contract = processEngine.getRuntimeService()
        .startProcessInstanceByKey(EngagementContractProcess.KEY, "parcours-1", variables);
    // the structure in charge reads its history (as ParcoursAccess grants it)
    Authorization read = processEngine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    read.setGroupId("structure-ft-avignon");
    read.setResource(Resources.HISTORIC_PROCESS_INSTANCE);
    read.setResourceId(contract.getId());
    read.addPermission(HistoricProcessInstancePermissions.READ);
    processEngine.getAuthorizationService().saveAuthorization(read);
    ClockUtil.setCurrentTime(at(2026, 11, 10, 10, 0));
    Steps.signContract(contract, "2026-11-10");
    HistoryService history = processEngine.getHistoryService();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(contract.getId()).singleResult().getRemovalTime())
        .isEqualTo(at(2028, 11, 9, 10, 0));

    // the day before: kept
    ClockUtil.setCurrentTime(at(2028, 11, 8, 10, 0));
    cleanUp(history);
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(contract.getId()).count()).isOne();
    assertThat(grantsOn(contract)).isOne();

    // once the time to live has passed: nothing of the person is left in the history
    ClockUtil.setCurrentTime(at(2028, 11, 10, 10, 0));
    cleanUp(history);
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(contract.getId()).count()).isZero();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(contract.getId()).count()).isZero();
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(contract.getId()).count()).isZero();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(contract.getId()).count()).isZero();
    assertThat(grantsOn(contract)).isZero();
  }

  private long grantsOn(ProcessInstance instance) {
    return processEngine.getAuthorizationService().createAuthorizationQuery().resourceId(instance.getId()).count();
  }

  private void cleanUp(HistoryService history) {
    Job cleanup = history.cleanUpHistoryAsync(true);
    processEngine.getManagementService().executeJob(cleanup.getId());
  }
}
