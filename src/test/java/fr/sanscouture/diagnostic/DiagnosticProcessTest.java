package fr.sanscouture.diagnostic;

import static fr.sanscouture.ProcessTestSupport.at;
import static fr.sanscouture.ProcessTestSupport.person;
import static fr.sanscouture.diagnostic.DiagnosticProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import fr.sanscouture.ProcessTestBase;
import fr.sanscouture.ProcessTestSupport;
import fr.sanscouture.Steps;
import fr.sanscouture.contribution.ContributionRequests;
import fr.sanscouture.contribution.ContributionsProcess;
import fr.sanscouture.parcours.EntryChannel;
import fr.sanscouture.reception.ReceptionProcess;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The shared diagnostic and the partners' contributions. */
@Deployment(resources = {RESOURCE, ContributionsProcess.RESOURCE, "forms/diagnostic.form",
    "forms/diagnostic-conclusion.form", "forms/contribution.form"})
class DiagnosticProcessTest extends ProcessTestBase {

  private static final String DEPT_AVIGNON = "structure-dept-grand-avignon";

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension
      .builder(ProcessTestSupport.engine("diagnostic-test", BEANS))
      .assertClassCoverageAtLeast(0.9)
      .build();

  @Override
  protected ProcessEngine engine() {
    return engine.getProcessEngine();
  }

  @BeforeEach
  void eightDaysAfterEntry() {
    ClockUtil.setCurrentTime(at(2026, 11, 10, 10, 0));
  }

  @Test
  void theReceptionStructureRecordsTheDiagnosticAlone() {
    ProcessInstance diagnostic = start();

    Task recording = task(Elements.RECORD_DIAGNOSTIC, diagnostic);
    assertThat(recording).hasName("Diagnostic – Amina Diallo").hasCandidateGroup(DEPT_AVIGNON)
        .hasDueDate(at(2026, 11, 25, 10, 0));
    complete(recording, Steps.diagnosis(true, Map.of("barrierHealth", "STRONG", "barrierHousing", "STRONG", "barrierMobility", "MEDIUM")));

    assertThat(diagnostic).hasPassed(Elements.DIAGNOSED).isEnded();
    assertThat(historic(diagnostic.getId(), STRONG_BARRIERS.getName())).isEqualTo(2);
    assertThat(historic(diagnostic.getId(), MEDIUM_BARRIERS.getName())).isEqualTo(1);
    assertThat(historic(diagnostic.getId(), CONTRIBUTIONS_REQUESTED.getName())).isEqualTo(false);
    assertThat(historic(diagnostic.getId(), RQTH.getName())).isEqualTo(false);
  }

  @Test
  void partnersAskedInParallelAnswerAndTheReferentConcludes() {
    ProcessInstance diagnostic = start();
    VariableMap request = Steps.diagnosis(true, Map.of("barrierHousing", "STRONG"));
    request.putValue(ContributionRequests.REQUESTED_TYPES, SpinValues.jsonValue("[\"CCAS\", \"PLIE\"]").create());
    request.putValue(ContributionsProcess.BARRIER.getName(), "HOUSING");
    request.putValue(ContributionsProcess.QUESTION.getName(), "Une solution d'hébergement est-elle possible ?");

    complete(task(Elements.RECORD_DIAGNOSTIC, diagnostic), request);

    // each structure asked has its own task, in its own inbox
    assertThat(diagnostic).isWaitingAt(Elements.CONTRIBUTIONS);
    ProcessInstance contributions = Steps.called(diagnostic, ContributionsProcess.KEY);
    List<Task> asked = processEngine.getTaskService().createTaskQuery().processInstanceId(contributions.getId()).list();
    assertThat(asked).hasSize(2).allSatisfy(task -> assertThat(task.getName()).isEqualTo("Contribution demandée – Amina Diallo"));
    assertThat(asked).extracting(task -> processEngine.getTaskService().getIdentityLinksForTask(task.getId()).get(0).getGroupId())
        .containsExactlyInAnyOrder("structure-ccas-avignon", "structure-plie-grand-avignon");
    assertThat(processEngine.getRuntimeService().getVariable(contributions.getId(), ContributionsProcess.BARRIER_LABEL.getName()))
        .isEqualTo("logement");
    Task ccas = taskOf(contributions, "structure-ccas-avignon");
    Task plie = taskOf(contributions, "structure-plie-grand-avignon");

    assertThatThrownBy(() -> complete(ccas, Map.of(ContributionsProcess.ANSWER.getName(), "  ")))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("Rédigez votre contribution");
    complete(ccas, Map.of(ContributionsProcess.ANSWER.getName(), "Une place en résidence sociale se libère en décembre."));
    assertThat(diagnostic).isWaitingAt(Elements.CONTRIBUTIONS);
    // a structure asked reads its own request, not what another structure answered
    assertThat(processEngine.getTaskService().getVariables(plie.getId()).values())
        .noneSatisfy(value -> assertThat(String.valueOf(value)).contains("résidence sociale"));
    assertThat(processEngine.getFormService().getTaskFormVariables(plie.getId()).values())
        .noneSatisfy(value -> assertThat(String.valueOf(value)).contains("résidence sociale"));
    complete(plie, Map.of(ContributionsProcess.ANSWER.getName(), "Atelier logement et emploi le 15."));
    execute(job(ContributionsProcess.Elements.GATHER, contributions));

    // the référent reads both answers and concludes
    assertThat(contributions).hasPassed(ContributionsProcess.Elements.ANSWERED).isEnded();
    Task conclusion = task(Elements.CONCLUDE_DIAGNOSTIC, diagnostic);
    assertThat(conclusion).hasCandidateGroup(DEPT_AVIGNON);
    assertThat((String) processEngine.getRuntimeService().getVariable(diagnostic.getId(), ContributionsProcess.SUMMARY.getName()))
        .contains("CCAS d'Avignon : Une place en résidence sociale se libère en décembre.",
            "PLIE du Grand Avignon : Atelier logement et emploi le 15.");

    complete(conclusion, Map.of("barrierHousing", "MEDIUM"));

    assertThat(diagnostic).hasPassed(Elements.DIAGNOSED).isEnded();
    assertThat(historic(diagnostic.getId(), STRONG_BARRIERS.getName())).isEqualTo(0);
    assertThat(historic(diagnostic.getId(), MEDIUM_BARRIERS.getName())).isEqualTo(1);
  }

  @Test
  void unansweredContributionsStopWaitingAfterTenDaysAndTheirResponsablesAreTold() throws Exception {
    ProcessTestSupport.user(processEngine.getIdentityService(), "marc.lambert", "structure-ft-avignon", "role-responsable");
    ProcessTestSupport.user(processEngine.getIdentityService(), "ines.moreau", "structure-ccas-avignon", "role-responsable");
    ProcessInstance diagnostic = start();
    VariableMap request = Steps.diagnosis(true, Map.of());
    request.putValue(ContributionRequests.REQUESTED_TYPES, SpinValues.jsonValue("[\"FRANCE_TRAVAIL\", \"CCAS\"]").create());
    request.putValue(ContributionsProcess.BARRIER.getName(), "MOBILITY");
    request.putValue(ContributionsProcess.QUESTION.getName(), "Aide au permis ?");
    complete(task(Elements.RECORD_DIAGNOSTIC, diagnostic), request);
    ProcessInstance contributions = Steps.called(diagnostic, ContributionsProcess.KEY);
    Task franceTravail = taskOf(contributions, "structure-ft-avignon");
    assertThat(franceTravail).hasDueDate(at(2026, 11, 20, 10, 0));
    complete(taskOf(contributions, "structure-ccas-avignon"), Map.of(ContributionsProcess.ANSWER.getName(), "Aide au transport."));

    ClockUtil.setCurrentTime(at(2026, 11, 20, 10, 1));
    processEngine.getManagementService().executeJob(processEngine.getManagementService().createJobQuery()
        .processInstanceId(contributions.getId()).activityId(ContributionsProcess.Elements.DEADLINE).singleResult().getId());
    Steps.runJob(contributions, ContributionsProcess.Elements.REPORT_UNANSWERED);
    execute(job(ContributionsProcess.Elements.GATHER_AT_DEADLINE, contributions));

    // only the structure that did not answer hears of it
    assertThat(java.util.Arrays.stream(smtp.getReceivedMessages()).map(ProcessTestSupport::subject))
        .containsExactly("Contribution non rendue – parcours parcours-1");
    assertThat(smtp.getReceivedMessages()[0].getAllRecipients()[0].toString()).isEqualTo("marc.lambert@test.example");

    assertThat(contributions).hasPassed(ContributionsProcess.Elements.DEADLINE_REACHED).isEnded();
    assertThat(processEngine.getTaskService().createTaskQuery().processInstanceId(contributions.getId()).count()).isZero();
    assertThat(diagnostic).isWaitingAt(Elements.CONCLUDE_DIAGNOSTIC);
    // what was answered in time reaches the référent
    assertThat((String) processEngine.getRuntimeService().getVariable(diagnostic.getId(), ContributionsProcess.SUMMARY.getName()))
        .isEqualTo("CCAS d'Avignon : Aide au transport.");
  }

  @Test
  void anIncompleteDiagnosticIsRefusedAndNothingIsKept() {
    ProcessInstance diagnostic = start();
    Task recording = task(Elements.RECORD_DIAGNOSTIC, diagnostic);

    VariableMap withoutMobility = Steps.diagnosis(true, Map.of());
    withoutMobility.remove("barrierMobility");
    assertThatThrownBy(() -> complete(recording, withoutMobility))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("« mobilité »");
    VariableMap withoutLevel = Steps.diagnosis(true, Map.of());
    withoutLevel.remove(QUALIFICATION_LEVEL.getName());
    assertThatThrownBy(() -> complete(recording, withoutLevel))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("niveau de qualification");
    VariableMap contributionWithoutQuestion = Steps.diagnosis(true, Map.of());
    contributionWithoutQuestion.putValue(ContributionRequests.REQUESTED_TYPES, SpinValues.jsonValue("[\"CCAS\"]").create());
    contributionWithoutQuestion.putValue(ContributionsProcess.BARRIER.getName(), "HOUSING");
    assertThatThrownBy(() -> complete(recording, contributionWithoutQuestion))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("question");

    assertThat(diagnostic).isWaitingAt(Elements.RECORD_DIAGNOSTIC);
    assertThat(processEngine.getRuntimeService().getVariables(diagnostic.getId())).doesNotContainKeys(
        QUALIFICATION_LEVEL.getName(), "barrierHealth", STRONG_BARRIERS.getName());
  }

  @Test
  void aStructureTypeAbsentFromTheBassinIsRefused() {
    ProcessInstance diagnostic = processEngine.getRuntimeService().startProcessInstanceByKey(KEY, "parcours-2",
        withReceptionAt(person("parcours-2", EntryChannel.CAF, "84100"), "structure-dept-haut-vaucluse"));
    VariableMap request = Steps.diagnosis(true, Map.of());
    request.putValue(ContributionRequests.REQUESTED_TYPES, SpinValues.jsonValue("[\"PLIE\"]").create());
    request.putValue(ContributionsProcess.BARRIER.getName(), "DIGITAL");
    request.putValue(ContributionsProcess.QUESTION.getName(), "Atelier numérique ?");

    assertThatThrownBy(() -> complete(task(Elements.RECORD_DIAGNOSTIC, diagnostic), request))
        .hasRootCauseInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("Aucune structure de ce type ne couvre le bassin Haut Vaucluse");
  }

  private ProcessInstance start() {
    return processEngine.getRuntimeService().startProcessInstanceByKey(KEY, "parcours-1",
        withReceptionAt(person("parcours-1", EntryChannel.CAF, "84000"), DEPT_AVIGNON));
  }

  private static VariableMap withReceptionAt(VariableMap person, String organisation) {
    person.putValue(ReceptionProcess.RECEPTION_ORGANISATION.getName(), organisation);
    return person;
  }

  private Task taskOf(ProcessInstance contributions, String group) {
    return processEngine.getTaskService().createTaskQuery().processInstanceId(contributions.getId())
        .taskCandidateGroup(group).singleResult();
  }
}
