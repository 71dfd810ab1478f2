package fr.sanscouture.contract;

import static fr.sanscouture.ProcessTestSupport.at;
import static fr.sanscouture.ProcessTestSupport.person;
import static fr.sanscouture.contract.EngagementContractProcess.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import fr.sanscouture.ProcessTestBase;
import fr.sanscouture.ProcessTestSupport;
import fr.sanscouture.Steps;
import fr.sanscouture.orientation.OrientationProcess;
import fr.sanscouture.parcours.EntryChannel;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The contrat d'engagement and what it must state. */
@Deployment(resources = {RESOURCE, "forms/engagement-contract.form"})
class EngagementContractProcessTest extends ProcessTestBase {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension
      .builder(ProcessTestSupport.engine("contract-test", BEANS)).assertClassCoverageAtLeast(0.9).build();

  @Override
  protected ProcessEngine engine() {
    return engine.getProcessEngine();
  }

  @Test
  void theReferentSignsWithinAMonthOfTheOrientation() {
    ProcessInstance contract = start();

    Task signing = task(Elements.SIGN_CONTRACT, contract);
    assertThat(signing).isAssignedTo("karim.benali").hasName("Contrat d'engagement – Amina Diallo")
        .hasDueDate(at(2026, 12, 2, 10, 0));
    ClockUtil.setCurrentTime(at(2026, 11, 15, 10, 0));
    Steps.signContract(contract, "2026-11-15");

    assertThat(contract).hasPassed(Elements.PREPARE_CONTRACT, Elements.SIGNED).isEnded();
  }

  @Test
  void moreThanFifteenHoursNeedNoReason() {
    ProcessInstance contract = start();

    complete(task(Elements.SIGN_CONTRACT, contract), contractWith(20L));

    assertThat(contract).isEnded();
  }

  @Test
  void fewerThanFifteenHoursNeedAReason() {
    ProcessInstance contract = start();
    Task signing = task(Elements.SIGN_CONTRACT, contract);

    assertThatThrownBy(() -> complete(signing, contractWith(10L).putValue(HOURS_REASON.getName(), "")))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("doit être justifiée");
    assertThatThrownBy(() -> complete(signing, contractWith(10L).putValue(HOURS_REASON.getName(), "OTHER")))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("Précisez le motif");
    assertThatThrownBy(() -> complete(signing, contractWith(40L)))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("de 0 à 35");

    complete(signing, contractWith(0L).putValue(HOURS_REASON.getName(), "HEALTH"));
    assertThat(contract).isEnded();
  }

  @Test
  void aContractWithoutActionOrSignatureDateIsRefused() {
    ProcessInstance contract = start();
    Task signing = task(Elements.SIGN_CONTRACT, contract);

    assertThatThrownBy(() -> complete(signing, contractWith(15L).putValue(PLAN_ACTIONS, SpinValues.jsonValue("[]").create())))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("au moins une action");
    // an action the bank of the contract's form does not offer, sent through the API
    assertThatThrownBy(() -> complete(signing, contractWith(15L)
        .putValue(PLAN_ACTIONS, SpinValues.jsonValue("[\"CV_WORKSHOP\", \"FOO_UNKNOWN\"]").create())))
        .hasRootCauseInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("Action inconnue de la banque d'actions du territoire : FOO_UNKNOWN.");
    assertThatThrownBy(() -> complete(signing, contractWith(15L).putValue(SIGNED_ON.getName(), "2026-10-01")))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("date de signature");
    VariableMap unsigned = contractWith(15L);
    unsigned.remove(SIGNED_ON.getName());
    assertThatThrownBy(() -> complete(signing, unsigned))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("Indiquez la date de signature");

    assertThat(contract).isWaitingAt(Elements.SIGN_CONTRACT);
  }

  private static VariableMap contractWith(long hours) {
    return Variables.createVariables()
        .putValue(PLAN_ACTIONS, SpinValues.jsonValue("[\"QUALIFYING_TRAINING\"]").create())
        .putValue(WEEKLY_HOURS, hours)
        .putValue(SIGNED_ON.getName(), "2026-11-02");
  }

  private ProcessInstance start() {
    VariableMap variables = person("parcours-1", EntryChannel.CAF, "84000");
    ProcessTestSupport.ledByKarim(processEngine.getIdentityService(), variables);
    variables.putValue(OrientationProcess.ORIENTATION_DATE.getName(), ClockUtil.getCurrentTime());
    return processEngine.getRuntimeService().startProcessInstanceByKey(KEY, "parcours-1", variables);
  }
}
