package fr.sanscouture.escalation;

import static fr.sanscouture.ProcessTestSupport.at;
import static fr.sanscouture.ProcessTestSupport.person;
import static fr.sanscouture.escalation.EscalationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import fr.sanscouture.ProcessTestBase;
import fr.sanscouture.ProcessTestSupport;
import fr.sanscouture.Steps;
import fr.sanscouture.diagnostic.DiagnosticProcess;
import fr.sanscouture.orientation.OrientationProcess;
import fr.sanscouture.inbox.Urgency;
import fr.sanscouture.parcours.EntryChannel;
import fr.sanscouture.reception.ReceptionOrganisationDecision;
import fr.sanscouture.reception.ReceptionProcess;
import jakarta.mail.Message;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Late work moves up the chain, and never silently expires; scenarios driven by the engine's clock. */
@Deployment(resources = {RESOURCE, ReceptionProcess.RESOURCE, ReceptionOrganisationDecision.RESOURCE,
    OrientationProcess.RESOURCE, OrientationProcess.PATH_DECISION_RESOURCE, OrientationProcess.LEAD_DECISION_RESOURCE,
    "forms/escalation.form", "forms/reception-appointment.form", "forms/reception.form", "forms/reception-review.form",
    "forms/orientation.form"})
class EscalationProcessTest extends ProcessTestBase {

  private static final String DEPT_AVIGNON = "structure-dept-grand-avignon";

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension
      .builder(ProcessTestSupport.engine("escalation-test", BEANS)).assertClassCoverageAtLeast(0.9)
      .excludeProcessDefinitionKeys(ReceptionProcess.KEY, OrientationProcess.KEY).build();

  @Override
  protected ProcessEngine engine() {
    return engine.getProcessEngine();
  }

  @BeforeEach
  void chain() {
    var identity = processEngine.getIdentityService();
    ProcessTestSupport.user(identity, "claire.martin", DEPT_AVIGNON, "role-referent", "bassin-grand-avignon");
    ProcessTestSupport.user(identity, "anne.petit", DEPT_AVIGNON, "role-responsable", "bassin-grand-avignon");
    ProcessTestSupport.user(identity, "olivier.mercier", "role-animateur", "bassin-grand-avignon");
    ProcessTestSupport.user(identity, "isabelle.renard", "role-direction");
    ProcessTestSupport.user(identity, "helene.bonnet", "role-charge-orientation");
  }

  @Test
  void withoutAppointmentTheResponsableThenTheAnimateurThenTheDepartementAreAsked() throws Exception {
    // given a reception never planned; the person was reminded at day 3
    ProcessInstance reception = startReception("84000");
    Steps.runJobs(reception, ReceptionProcess.Elements.SEND_INVITATION);
    ClockUtil.setCurrentTime(at(2026, 11, 5, 10, 1));
    execute(timerOf(reception, ReceptionProcess.Elements.PLANNING_REMINDER));
    Steps.runJob(reception, ReceptionProcess.Elements.SEND_PLANNING_REMINDER);
    assertThat(subjectsTo("amina.diallo@exemple.example")).hasSize(2);

    // when a month has passed
    ClockUtil.setCurrentTime(at(2026, 12, 2, 10, 1));
    execute(timerOf(reception, ReceptionProcess.Elements.PLAN_APPOINTMENT));

    // then the responsable de structure gets a mail and a task
    ProcessInstance escalation = escalationOf("parcours-1");
    assertThat(escalation).hasBusinessKey("parcours-1").isWaitingAt(Elements.NOTIFY)
        .variables().containsEntry(LEVEL.getName(), "RESPONSABLE")
        .containsEntry(WATCHED_ORGANISATION.getName(), DEPT_AVIGNON);
    Steps.runJobs(escalation, Elements.NOTIFY);
    assertThat(subjectsTo("anne.petit@test.example")).containsExactly("Retard – parcours parcours-1");
    assertThat(lastBody()).contains("Planifier l&#39;accueil – Amina Diallo", "02/12/2026", "Échelon saisi : <span>le responsable de structure</span>",
        "https://sans-couture.example/camunda/app/tasklist/default/#/?task=" + task(ReceptionProcess.Elements.PLAN_APPOINTMENT, reception).getId());
    Task handling = task(Elements.HANDLE, escalation);
    assertThat(handling).hasCandidateUser("anne.petit").hasName("Retard – Planifier l'accueil – Amina Diallo")
        .hasDueDate(at(2026, 12, 12, 10, 1));
    // the late task and its escalation head their task lists
    org.assertj.core.api.Assertions.assertThat(task(ReceptionProcess.Elements.PLAN_APPOINTMENT, reception).getPriority())
        .isEqualTo(Urgency.LATE.priority());
    org.assertj.core.api.Assertions.assertThat(handling.getPriority()).isEqualTo(Urgency.LATE.priority());
    // and the late task knows its escalation
    org.assertj.core.api.Assertions.assertThat(processEngine.getTaskService().getVariableLocal(
        task(ReceptionProcess.Elements.PLAN_APPOINTMENT, reception).getId(), ESCALATION_ID.getName())).isEqualTo(escalation.getId());

    // when 10 days pass without answer: the animateur of the bassin
    ClockUtil.setCurrentTime(at(2026, 12, 12, 10, 2));
    execute(timerOf(escalation, Elements.UNANSWERED));
    assertThat(escalation).variables().containsEntry(LEVEL.getName(), "ANIMATEUR");
    Steps.runJobs(escalation, Elements.NOTIFY);
    assertThat(subjectsTo("olivier.mercier@test.example")).containsExactly("Retard – parcours parcours-1");
    assertThat(task(Elements.HANDLE, escalation)).hasCandidateUser("olivier.mercier");

    // 10 days more: the Département, asked again every 10 days
    ClockUtil.setCurrentTime(at(2026, 12, 22, 10, 3));
    execute(timerOf(escalation, Elements.UNANSWERED));
    Steps.runJobs(escalation, Elements.NOTIFY);
    assertThat(task(Elements.HANDLE, escalation)).hasCandidateUser("isabelle.renard");
    ClockUtil.setCurrentTime(at(2027, 1, 1, 10, 4));
    execute(timerOf(escalation, Elements.UNANSWERED));
    Steps.runJobs(escalation, Elements.NOTIFY);
    assertThat(subjectsTo("isabelle.renard@test.example")).hasSize(2);

    // when the structure finally plans the appointment, the escalation closes with its task
    complete(task(ReceptionProcess.Elements.PLAN_APPOINTMENT, reception), withVariables(
        ReceptionProcess.APPOINTMENT.getName(), "2027-01-05T10:00+01:00", ReceptionProcess.APPOINTMENT_PLACE.getName(), "Avignon"));
    assertThat(escalation).hasPassed(Elements.WATCHED_TASK_DONE).isEnded();
  }

  @Test
  void theResponsableGivesTheTaskToAReferent() {
    ProcessInstance escalation = overdueReception("84000");
    Task handling = task(Elements.HANDLE, escalation);

    assertThatThrownBy(() -> complete(handling, withVariables(DECISION.getName(), REASSIGN, REASSIGN_TO.getName(), "olivier.mercier")))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("Choisissez un référent");
    complete(handling, withVariables(DECISION.getName(), REASSIGN, REASSIGN_TO.getName(), "claire.martin"));

    assertThat(escalation).hasPassed(Elements.HANDLED).isEnded();
    Task watched = processEngine.getTaskService().createTaskQuery()
        .taskDefinitionKey(ReceptionProcess.Elements.PLAN_APPOINTMENT).singleResult();
    assertThat(watched).isAssignedTo("claire.martin");
  }

  @Test
  void aJustificationIsWritten() {
    ProcessInstance escalation = overdueReception("84000");
    Task handling = task(Elements.HANDLE, escalation);

    assertThatThrownBy(() -> complete(handling, withVariables(DECISION.getName(), JUSTIFY)))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("Expliquez le retard");
    assertThatThrownBy(() -> complete(handling, withVariables(JUSTIFICATION.getName(), "x")))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("Confiez la tâche");
    complete(handling, withVariables(DECISION.getName(), JUSTIFY, JUSTIFICATION.getName(), "Référente en congé, retour lundi."));

    assertThat(escalation).hasPassed(Elements.HANDLED).isEnded();
  }

  @Test
  void aLevelWithNobodyIsSkipped() {
    // the Département's Sud Vaucluse structure has no responsable and its bassin no animateur here: the direction is asked
    ProcessInstance escalation = overdueReception("84300");

    assertThat(escalation).variables().containsEntry(LEVEL.getName(), "DIRECTION")
        .containsEntry(WATCHED_ORGANISATION.getName(), "structure-dept-sud-vaucluse");
    assertThat(task(Elements.HANDLE, escalation)).hasCandidateUser("isabelle.renard");
  }

  @Test
  void aRecipientWithoutAddressFailsTheMailJobNamingThem() {
    var identity = processEngine.getIdentityService();
    var withoutAddress = identity.newUser("paul.sansadresse");
    withoutAddress.setFirstName("Paul");
    withoutAddress.setLastName("Sansadresse");
    identity.saveUser(withoutAddress);
    ProcessTestSupport.user(identity, "paul.sansadresse", "structure-dept-haut-vaucluse", "role-responsable");
    ProcessInstance escalation = overdueEscalationWithoutSendingOf("84100");

    Job notify = processEngine.getManagementService().createJobQuery().processInstanceId(escalation.getId()).singleResult();
    assertThatThrownBy(() -> execute(notify)).hasMessageContaining("The user paul.sansadresse has no e-mail address");
    assertThat(processEngine.getManagementService().createJobQuery().jobId(notify.getId()).singleResult().getExceptionMessage())
        .contains("paul.sansadresse");
  }

  @Test
  void nobodyToEscalateToIsAnIncidentNotASilentStop() {
    processEngine.getIdentityService().deleteUser("isabelle.renard");
    ProcessInstance reception = startReception("84300");
    ClockUtil.setCurrentTime(at(2026, 12, 2, 10, 1));

    assertThatThrownBy(() -> execute(timerOf(reception, ReceptionProcess.Elements.PLAN_APPOINTMENT)))
        .hasMessageContaining("Nobody in the escalation chain");
    org.assertj.core.api.Assertions.assertThat(timerOf(reception, ReceptionProcess.Elements.PLAN_APPOINTMENT).getExceptionMessage())
        .contains("Nobody in the escalation chain");
  }

  @Test
  void theChargesDOrientationAreRemindedAWeekBeforeTheirDeadline() throws Exception {
    VariableMap variables = person("parcours-1", EntryChannel.CAF, "84000");
    variables.putAll(Steps.diagnosis(true, java.util.Map.of()));
    variables.putValue(DiagnosticProcess.STRONG_BARRIERS.getName(), 0);
    variables.putValue(DiagnosticProcess.MEDIUM_BARRIERS.getName(), 0);
    variables.putValue(DiagnosticProcess.RQTH.getName(), false);
    variables.putValue(DiagnosticProcess.DECLINES_SPECIALISED.getName(), false);
    ProcessInstance orientation = processEngine.getRuntimeService()
        .startProcessInstanceByKey(OrientationProcess.KEY, "parcours-1", variables);
    org.assertj.core.api.Assertions.assertThat(task(OrientationProcess.Elements.CONFIRM_ORIENTATION, orientation).getPriority())
        .isEqualTo(Urgency.NORMAL.priority());
    Job reminder = processEngine.getManagementService().createJobQuery().processInstanceId(orientation.getId())
        .timers().list().stream().min((a, b) -> a.getDuedate().compareTo(b.getDuedate())).orElseThrow();
    org.assertj.core.api.Assertions.assertThat(reminder.getDuedate()).isEqualTo(at(2026, 12, 7, 10, 0));

    ClockUtil.setCurrentTime(at(2026, 12, 7, 10, 1));
    execute(reminder);

    assertThat(subjectsTo("helene.bonnet@test.example")).containsExactly("Rappel : tâche à traiter – parcours parcours-1");
    assertThat(lastBody()).contains("Orientation – Amina Diallo", "14/12/2026");
    assertThat(orientation).isWaitingAt(OrientationProcess.Elements.CONFIRM_ORIENTATION);
    // the reminded task rises in the task list
    org.assertj.core.api.Assertions.assertThat(task(OrientationProcess.Elements.CONFIRM_ORIENTATION, orientation).getPriority())
        .isEqualTo(Urgency.SOON.priority());
  }

  private ProcessInstance startReception(String postcode) {
    return processEngine.getRuntimeService().startProcessInstanceByKey(ReceptionProcess.KEY, "parcours-1",
        person("parcours-1", EntryChannel.CAF, postcode));
  }

  /** A reception a month old without appointment, its escalation at its first level's task. */
  private ProcessInstance overdueReception(String postcode) {
    ProcessInstance escalation = overdueEscalationWithoutSendingOf(postcode);
    Steps.runJobs(escalation, Elements.NOTIFY);
    return escalation;
  }

  /** The same, its mail not sent yet. */
  private ProcessInstance overdueEscalationWithoutSendingOf(String postcode) {
    ProcessInstance reception = startReception(postcode);
    ClockUtil.setCurrentTime(at(2026, 12, 2, 10, 1));
    execute(timerOf(reception, ReceptionProcess.Elements.PLAN_APPOINTMENT));
    return escalationOf("parcours-1");
  }

  @Test
  void aModelVersionThatDeclaresTheClosingListenerItselfStillClosesItsEscalation() {
    // versions deployed before EscalationPlugin declare ${closeEscalationListener} on the task themselves
    BpmnModelInstance reception = Bpmn.readModelFromStream(getClass().getResourceAsStream("/" + ReceptionProcess.RESOURCE));
    UserTask planning = reception.getModelElementById(ReceptionProcess.Elements.PLAN_APPOINTMENT);
    CamundaTaskListener declared = reception.newInstance(CamundaTaskListener.class);
    declared.setCamundaEvent(TaskListener.EVENTNAME_COMPLETE);
    declared.setCamundaDelegateExpression(CloseEscalationListener.DECLARED);
    planning.getExtensionElements().addChildElement(declared);
    BEANS.put("closeEscalationListener", new CloseEscalationListener());
    String deployment = processEngine.getRepositoryService().createDeployment()
        .addModelInstance(ReceptionProcess.RESOURCE, reception).addClasspathResource(ReceptionOrganisationDecision.RESOURCE)
        .deploy().getId();
    try {
      ProcessInstance late = startReception("84000");
      Steps.runJobs(late, ReceptionProcess.Elements.SEND_INVITATION);
      ClockUtil.setCurrentTime(at(2026, 12, 2, 10, 1));
      execute(timerOf(late, ReceptionProcess.Elements.PLAN_APPOINTMENT));
      ProcessInstance escalation = escalationOf("parcours-1");

      complete(task(ReceptionProcess.Elements.PLAN_APPOINTMENT, late), withVariables(
          ReceptionProcess.APPOINTMENT.getName(), "2026-12-05T09:30", ReceptionProcess.APPOINTMENT_PLACE.getName(), "Avignon"));

      assertThat(escalation).isEnded();
    } finally {
      processEngine.getRepositoryService().deleteDeployment(deployment, true);
    }
  }

  @Test
  void aLateTaskWhoseEscalationStartedBeforeEscalationsWereWrittenOnTheirTaskStillClosesIt() {
    ProcessInstance late = startReception("84000");
    Steps.runJobs(late, ReceptionProcess.Elements.SEND_INVITATION);
    ClockUtil.setCurrentTime(at(2026, 12, 2, 10, 1));
    execute(timerOf(late, ReceptionProcess.Elements.PLAN_APPOINTMENT));
    ProcessInstance escalation = escalationOf("parcours-1");
    Task planning = task(ReceptionProcess.Elements.PLAN_APPOINTMENT, late);
    processEngine.getTaskService().removeVariableLocal(planning.getId(), ESCALATION_ID.getName());

    complete(planning, withVariables(
        ReceptionProcess.APPOINTMENT.getName(), "2026-12-05T09:30", ReceptionProcess.APPOINTMENT_PLACE.getName(), "Avignon"));

    assertThat(escalation).hasPassed(Elements.WATCHED_TASK_DONE).isEnded();
  }

  @Test
  void aTaskDoneInTimeLeavesTheEscalationsOfOtherTasksRunning() {
    ProcessInstance escalation = overdueReception("84000");
    ProcessInstance onTime = processEngine.getRuntimeService().startProcessInstanceByKey(ReceptionProcess.KEY, "parcours-2",
        person("parcours-2", EntryChannel.CAF, "84000"));
    Steps.runJobs(onTime, ReceptionProcess.Elements.SEND_INVITATION);

    complete(task(ReceptionProcess.Elements.PLAN_APPOINTMENT, onTime), withVariables(
        ReceptionProcess.APPOINTMENT.getName(), "2026-12-05T09:30", ReceptionProcess.APPOINTMENT_PLACE.getName(), "Avignon"));

    assertThat(escalation).isActive();
  }

  private ProcessInstance escalationOf(String parcoursId) {
    return processEngine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY)
        .processInstanceBusinessKey(parcoursId).singleResult();
  }

  private Job timerOf(ProcessInstance instance, String activityId) {
    return processEngine.getManagementService().createJobQuery().processInstanceId(instance.getId())
        .activityId(activityId).timers().singleResult();
  }


  private List<String> subjectsTo(String address) throws Exception {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(mail -> ProcessTestSupport.recipients(mail).contains(address)).map(ProcessTestSupport::subject).toList();
  }

  private String lastBody() throws Exception {
    Message[] mails = smtp.getReceivedMessages();
    return ProcessTestSupport.content(mails[mails.length - 1]);
  }
}
