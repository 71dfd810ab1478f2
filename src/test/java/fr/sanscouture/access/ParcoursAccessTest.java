package fr.sanscouture.access;

import static fr.sanscouture.ProcessTestSupport.at;
import static fr.sanscouture.ProcessTestSupport.person;
import static fr.sanscouture.Steps.called;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import fr.sanscouture.ProcessTestBase;
import fr.sanscouture.ProcessTestSupport;
import fr.sanscouture.Steps;
import fr.sanscouture.contract.EngagementContractProcess;
import fr.sanscouture.contribution.ContributionRequests;
import fr.sanscouture.contribution.ContributionsProcess;
import fr.sanscouture.diagnostic.DiagnosticProcess;
import fr.sanscouture.escalation.EscalationProcess;
import fr.sanscouture.identity.Directory;
import fr.sanscouture.followup.FollowUpProcess;
import fr.sanscouture.orientation.OrientationProcess;
import fr.sanscouture.parcours.EntryChannel;
import fr.sanscouture.parcours.ParcoursProcess;
import fr.sanscouture.reception.ReceptionOrganisationDecision;
import fr.sanscouture.reception.ReceptionProcess;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageInMemProcessEngineConfiguration;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Who reads a parcours, through the engine's Java API with authorizations on, as the parcours goes from
 * the reception structure (Département, Grand Avignon) to the lead structure (France Travail Avignon).
 * Each check runs as one user, with their groups, the way the webapps and the REST API call the engine.
 */
@Deployment(resources = {ParcoursProcess.RESOURCE, FormerReferentAccessProcess.RESOURCE, ReceptionProcess.RESOURCE,
    ReceptionOrganisationDecision.RESOURCE, DiagnosticProcess.RESOURCE, ContributionsProcess.RESOURCE,
    OrientationProcess.RESOURCE, OrientationProcess.PATH_DECISION_RESOURCE, OrientationProcess.LEAD_DECISION_RESOURCE,
    EngagementContractProcess.RESOURCE, FollowUpProcess.RESOURCE, FollowUpProcess.PLAN_DECISION_RESOURCE, EscalationProcess.RESOURCE,
    "forms/engagement-contract.form"})
class ParcoursAccessTest extends ProcessTestBase {

  private static final String PARCOURS = "parcours-acces";

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder(withAuthorizations()).build();

  private IdentityService identity;

  private static ProcessCoverageInMemProcessEngineConfiguration withAuthorizations() {
    ProcessCoverageInMemProcessEngineConfiguration configuration = ProcessTestSupport.engine("access-test", BEANS);
    configuration.setAuthorizationEnabled(true);
    return configuration;
  }

  @Override
  protected ProcessEngine engine() {
    return engine.getProcessEngine();
  }

  @BeforeEach
  void users() {
    identity = processEngine.getIdentityService();
    ProcessTestSupport.user(identity, "claire.martin", "structure-dept-grand-avignon", "role-referent", "bassin-grand-avignon");
    ProcessTestSupport.user(identity, "anne.petit", "structure-dept-grand-avignon", "role-responsable");
    ProcessTestSupport.user(identity, "emma.leroy", "structure-dept-haut-vaucluse", "role-referent", "bassin-haut-vaucluse");
    ProcessTestSupport.user(identity, "karim.benali", "structure-ft-avignon", "role-referent", "bassin-grand-avignon");
    ProcessTestSupport.user(identity, "marc.lambert", "structure-ft-avignon", "role-responsable");
    ProcessTestSupport.user(identity, "lea.roussel", "structure-ft-avignon", "role-referent", "bassin-grand-avignon");
    ProcessTestSupport.user(identity, "ines.moreau", "structure-ccas-avignon", "role-partenaire");
    ProcessTestSupport.user(identity, "helene.bonnet", "role-charge-orientation");
    // as the application grants them (IdentitySetup): the models themselves, which the coverage listener reads,
    // and the responsables assign tasks (the gate of the APIs keeps them to their structure's)
    var authorizations = processEngine.getAuthorizationService();
    for (String role : List.of("role-referent", "role-responsable", "role-partenaire", "role-charge-orientation")) {
      if (authorizations.createAuthorizationQuery().groupIdIn(role).resourceType(Resources.PROCESS_DEFINITION).count() == 0) {
        Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        read.setGroupId(role);
        read.setResource(Resources.PROCESS_DEFINITION);
        read.setResourceId(Authorization.ANY);
        read.addPermission(Permissions.READ);
        if (role.equals("role-responsable")) {
          read.addPermission(ProcessDefinitionPermissions.TASK_ASSIGN);
        }
        authorizations.saveAuthorization(read);
      }
    }
  }

  @Test
  void theStructureInChargeReadsTheParcoursAndNobodyElse() {
    ProcessInstance parcours = processEngine.getRuntimeService().createMessageCorrelation(ParcoursProcess.MESSAGE_ENTRY_RECEIVED)
        .processInstanceBusinessKey(PARCOURS).setVariables(person(PARCOURS, EntryChannel.CAF, "84000")).correlateStartMessage();
    ProcessInstance reception = called(parcours, ReceptionProcess.KEY);
    Steps.runJobs(reception, ReceptionProcess.Elements.SEND_INVITATION);
    Task plan = task(ReceptionProcess.Elements.PLAN_APPOINTMENT, reception);

    // reception: the Département of Grand Avignon is in charge
    assertThat(as("claire.martin", () -> processEngine.getTaskService().createTaskQuery().list())).extracting(Task::getId)
        .containsExactly(plan.getId());
    assertThat(as("claire.martin", () -> processEngine.getTaskService().getVariables(plan.getId())))
        .containsEntry(ParcoursProcess.PERSON_LAST_NAME.getName(), "Diallo");
    assertThat(instancesSeenBy("claire.martin")).isEqualTo(2);
    assertThat(historicInstancesSeenBy("claire.martin")).isEqualTo(2);
    assertSeesNothing("emma.leroy", plan, parcours);
    assertSeesNothing("karim.benali", plan, parcours);
    assertSeesNothing("ines.moreau", plan, parcours);

    // the task's escalation, started beside the parcours with its id, is the structure's to read too
    execute(processEngine.getManagementService().createJobQuery().processInstanceId(reception.getId())
        .activityId(ReceptionProcess.Elements.PLAN_APPOINTMENT).timers().singleResult());
    assertThat(as("claire.martin", () -> processEngine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(EscalationProcess.KEY).processInstanceBusinessKey(PARCOURS).count())).isEqualTo(1);
    assertThat(historicInstancesSeenBy("claire.martin")).isEqualTo(3);
    assertThat(historicInstancesSeenBy("emma.leroy")).isZero();

    // the responsable gives the task to a référent of the structure, and to nobody outside it
    as("anne.petit", () -> { processEngine.getTaskService().setAssignee(plan.getId(), "claire.martin"); return null; });
    assertThat(task(ReceptionProcess.Elements.PLAN_APPOINTMENT, reception).getAssignee()).isEqualTo("claire.martin");
    assertThatThrownBy(() -> as("anne.petit", () -> { processEngine.getTaskService().setAssignee(plan.getId(), "emma.leroy"); return null; }))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("personne de la structure");
    assertThatThrownBy(() -> as("claire.martin", () -> { processEngine.getTaskService().setAssignee(plan.getId(), "anne.petit"); return null; }))
        .isInstanceOf(AuthorizationException.class);

    // diagnostic, with a health barrier, and a contribution asked of the CCAS on housing
    complete(task(ReceptionProcess.Elements.PLAN_APPOINTMENT, reception), Map.of(
        ReceptionProcess.APPOINTMENT.getName(), "2026-11-04T10:00+01:00", ReceptionProcess.APPOINTMENT_PLACE.getName(), "Avignon"));
    ClockUtil.setCurrentTime(at(2026, 11, 4, 11, 0));
    complete(task(ReceptionProcess.Elements.HOLD_RECEPTION, reception), Map.of(
        ReceptionProcess.RECEPTION_OUTCOME.getName(), "SEEN", ReceptionProcess.RECEPTION_DATE.getName(), "2026-11-04"));
    ProcessInstance diagnostic = called(parcours, DiagnosticProcess.KEY);
    VariableMap diagnosis = Steps.diagnosis(true, Map.of("barrierHealth", "STRONG", "barrierHousing", "MEDIUM"));
    diagnosis.putValue(ContributionRequests.REQUESTED_TYPES, SpinValues.jsonValue("[\"CCAS\"]").create());
    diagnosis.putValue(ContributionsProcess.BARRIER.getName(), "HOUSING");
    diagnosis.putValue(ContributionsProcess.QUESTION.getName(), "Une solution de logement est-elle possible ?");
    // each step is completed by its user, with their authorizations, as in Tasklist
    completeAs("claire.martin", task(DiagnosticProcess.Elements.RECORD_DIAGNOSTIC, diagnostic), diagnosis);

    // the partner sees its request and what it needs to answer, no health detail and nothing else
    Task contribution = task(ContributionsProcess.Elements.CONTRIBUTE, called(diagnostic, ContributionsProcess.KEY));
    assertThat(as("ines.moreau", () -> processEngine.getTaskService().createTaskQuery().list())).extracting(Task::getId)
        .containsExactly(contribution.getId());
    assertThat(as("ines.moreau", () -> processEngine.getTaskService().getVariables(contribution.getId())))
        .containsKeys(ContributionsProcess.QUESTION.getName(), ParcoursProcess.PERSON_LAST_NAME.getName())
        .doesNotContainKeys("barrierHealth", DiagnosticProcess.RQTH.getName(), ReceptionProcess.RECEPTION_NOTES.getName());
    assertThat(instancesSeenBy("ines.moreau")).isZero();
    assertThatThrownBy(() -> as("ines.moreau", () -> processEngine.getRuntimeService().getVariables(parcours.getId())))
        .isInstanceOf(AuthorizationException.class);
    completeAs("ines.moreau", contribution, Map.of(ContributionsProcess.ANSWER.getName(), "Une place en résidence sociale en décembre."));
    execute(job(ContributionsProcess.Elements.GATHER, called(diagnostic, ContributionsProcess.KEY)));
    completeAs("claire.martin", task(DiagnosticProcess.Elements.CONCLUDE_DIAGNOSTIC, diagnostic), Map.of());

    // the chargé d'orientation decides with the referential's criteria, without the barriers' details
    ProcessInstance orientation = called(parcours, OrientationProcess.KEY);
    Task decide = task(OrientationProcess.Elements.CONFIRM_ORIENTATION, orientation);
    assertThat(as("helene.bonnet", () -> processEngine.getTaskService().getVariables(decide.getId())))
        .containsKeys(DiagnosticProcess.STRONG_BARRIERS.getName(), OrientationProcess.PROPOSED_PATH.getName())
        .doesNotContainKeys("barrierHealth", "barrierHousing", ContributionsProcess.SUMMARY.getName());
    assertThat(instancesSeenBy("helene.bonnet")).isZero();
    ClockUtil.setCurrentTime(at(2026, 11, 12, 9, 0));
    completeAs("helene.bonnet", decide, Map.of(OrientationProcess.DECISION.getName(), OrientationProcess.OVERRIDE,
        OrientationProcess.OVERRIDE_PATH.getName(), "PROFESSIONNEL",
        OrientationProcess.OVERRIDE_ORGANISATION_TYPE.getName(), "FRANCE_TRAVAIL",
        OrientationProcess.OVERRIDE_REASON.getName(), "Projet d'emploi prioritaire, santé suivie par ailleurs."));

    // France Travail Avignon now leads: it reads the whole parcours, the Département no longer does
    Task contract = task(EngagementContractProcess.Elements.SIGN_CONTRACT, called(parcours, EngagementContractProcess.KEY));
    assertThat(contract.getAssignee()).isEqualTo("karim.benali");
    assertThat(historicVariable("karim.benali", diagnostic, "barrierHealth")).isEqualTo(1);
    // parcours, reception, its escalation, diagnostic, contributions, orientation, contract
    assertThat(historicInstancesSeenBy("karim.benali")).isEqualTo(7);
    assertThat(as("lea.roussel", () -> processEngine.getTaskService().createTaskQuery().list())).extracting(Task::getId)
        .containsExactly(contract.getId());
    assertThat(historicVariable("claire.martin", diagnostic, "barrierHealth")).isZero();
    assertThat(historicInstancesSeenBy("claire.martin")).isZero();
    assertThat(as("claire.martin", () -> processEngine.getHistoryService().createHistoricTaskInstanceQuery().count())).isZero();
    assertSeesNothing("claire.martin", contract, parcours);
    // the partner keeps its own answered request, the chargé d'orientation the orientation
    assertThat(as("ines.moreau", () -> processEngine.getHistoryService().createHistoricTaskInstanceQuery().list()))
        .extracting(task -> task.getTaskDefinitionKey()).containsExactly(ContributionsProcess.Elements.CONTRIBUTE);
    assertThat(historicVariable("ines.moreau", diagnostic, "barrierHealth")).isZero();

    // its responsable may give the contract to another of its référents
    as("marc.lambert", () -> { processEngine.getTaskService().setAssignee(contract.getId(), "lea.roussel"); return null; });
    assertThat(processEngine.getTaskService().createTaskQuery().taskId(contract.getId()).singleResult().getAssignee())
        .isEqualTo("lea.roussel");
  }

  private void assertSeesNothing(String user, Task task, ProcessInstance parcours) {
    assertThat(as(user, () -> processEngine.getTaskService().createTaskQuery().taskId(task.getId()).count())).isZero();
    assertThatThrownBy(() -> as(user, () -> processEngine.getTaskService().getVariables(task.getId())))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> as(user, () -> processEngine.getRuntimeService().getVariables(parcours.getId())))
        .isInstanceOf(AuthorizationException.class);
    assertThat(instancesSeenBy(user)).isZero();
    assertThat(as(user, () -> processEngine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(parcours.getId()).count())).isZero();
    assertThat(as(user, () -> processEngine.getHistoryService().createHistoricActivityInstanceQuery()
        .processInstanceId(parcours.getId()).count())).isZero();
  }

  private long instancesSeenBy(String user) {
    return as(user, () -> processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(PARCOURS).count());
  }

  private long historicInstancesSeenBy(String user) {
    return as(user, () -> processEngine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(PARCOURS).count());
  }

  private long historicVariable(String user, ProcessInstance instance, String name) {
    return as(user, () -> processEngine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName(name).count());
  }

  private void completeAs(String user, Task task, Map<String, Object> variables) {
    as(user, () -> {
      processEngine.getTaskService().complete(task.getId(), variables);
      return null;
    });
  }

  /** Runs the call as the user, with their groups, as the webapps and the REST API do. */
  private <T> T as(String user, Supplier<T> call) {
    identity.setAuthentication(user, new Directory(identity).groupsOf(user));
    try {
      return call.get();
    } finally {
      identity.clearAuthentication();
    }
  }
}
