package fr.sanscouture.escalation;

import static fr.sanscouture.ProcessTestSupport.at;
import static fr.sanscouture.ProcessTestSupport.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import fr.sanscouture.ProcessTestBase;
import fr.sanscouture.ProcessTestSupport;
import fr.sanscouture.contract.EngagementContractProcess;
import fr.sanscouture.contribution.ContributionsProcess;
import fr.sanscouture.diagnostic.DiagnosticProcess;
import fr.sanscouture.followup.FollowUpProcess;
import fr.sanscouture.orientation.OrientationProcess;
import fr.sanscouture.parcours.EntryChannel;
import fr.sanscouture.reception.ReceptionProcess;
import jakarta.mail.internet.MimeMessage;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
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

/** Each delay of the parcours: when its holders are reminded, when its escalation starts. */
@Deployment(resources = {EscalationProcess.RESOURCE, DiagnosticProcess.RESOURCE, ContributionsProcess.RESOURCE,
    EngagementContractProcess.RESOURCE, FollowUpProcess.RESOURCE, FollowUpProcess.PLAN_DECISION_RESOURCE})
class DeadlinesTest extends ProcessTestBase {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension
      .builder(ProcessTestSupport.engine("deadlines-test", BEANS)).build();

  @Override
  protected ProcessEngine engine() {
    return engine.getProcessEngine();
  }

  @BeforeEach
  void people() {
    var identity = processEngine.getIdentityService();
    ProcessTestSupport.user(identity, "claire.martin", "structure-dept-grand-avignon", "role-referent", "bassin-grand-avignon");
    ProcessTestSupport.user(identity, "anne.petit", "structure-dept-grand-avignon", "role-responsable", "bassin-grand-avignon");
    ProcessTestSupport.user(identity, "karim.benali", "structure-ft-avignon", "role-referent", "bassin-grand-avignon");
    ProcessTestSupport.user(identity, "marc.lambert", "structure-ft-avignon", "role-responsable", "bassin-grand-avignon");
  }

  @Test
  void theDiagnosticIsRemindedAtTenDaysAndEscalatedAtFifteen() throws Exception {
    VariableMap variables = person("parcours-1", EntryChannel.CAF, "84000");
    variables.putValue(ReceptionProcess.RECEPTION_ORGANISATION.getName(), "structure-dept-grand-avignon");
    ProcessInstance diagnostic = start(DiagnosticProcess.KEY, variables);

    remindThenEscalate(diagnostic, at(2026, 11, 12, 10, 0), at(2026, 11, 17, 10, 0), "claire.martin@test.example", "structure-dept-grand-avignon", "anne.petit");
  }

  @Test
  void theContractIsRemindedAWeekBeforeItsMonthAndEscalatedAtIt() throws Exception {
    VariableMap variables = person("parcours-1", EntryChannel.CAF, "84000");
    ProcessTestSupport.ledByKarim(processEngine.getIdentityService(), variables);
    variables.putValue(OrientationProcess.ORIENTATION_DATE.getName(), at(2026, 11, 2, 10, 0));
    ProcessInstance contract = start(EngagementContractProcess.KEY, variables);

    remindThenEscalate(contract, at(2026, 11, 25, 10, 0), at(2026, 12, 2, 10, 0), "karim.benali@test.example", "structure-ft-avignon", "marc.lambert");
  }

  @Test
  void aMilestoneIsRemindedWhenDueAndEscalatedFifteenDaysOverdue() throws Exception {
    VariableMap variables = person("parcours-1", EntryChannel.CAF, "84000");
    ProcessTestSupport.ledByKarim(processEngine.getIdentityService(), variables);
    variables.putValue(OrientationProcess.ORIENTATION_PATH.getName(), "PROFESSIONNEL");
    ProcessInstance followUp = start(FollowUpProcess.KEY, variables);

    remindThenEscalate(followUp, at(2026, 12, 2, 10, 0), at(2026, 12, 17, 10, 0), "karim.benali@test.example", "structure-ft-avignon", "marc.lambert");
  }

  @Test
  void aContributionIsRemindedToThePartnerAtSevenDays() throws Exception {
    VariableMap variables = person("parcours-1", EntryChannel.CAF, "84000");
    variables.putValue(ContributionsProcess.CONTRIBUTORS.getName(), List.of("structure-ft-avignon"));
    ProcessInstance contributions = start(ContributionsProcess.KEY, variables);
    Job reminder = processEngine.getManagementService().createJobQuery().processInstanceId(contributions.getId())
        .activityId(ContributionsProcess.Elements.CONTRIBUTE).singleResult();
    assertThat(reminder.getDuedate()).isEqualTo(at(2026, 11, 9, 10, 0));

    ClockUtil.setCurrentTime(at(2026, 11, 9, 10, 1));
    processEngine.getManagementService().executeJob(reminder.getId());

    assertThat(ProcessTestSupport.recipients(lastMail())).containsExactlyInAnyOrder("karim.benali@test.example", "marc.lambert@test.example");
  }

  private ProcessInstance start(String key, VariableMap variables) {
    return processEngine.getRuntimeService().startProcessInstanceByKey(key, "parcours-1", variables);
  }

  /** The timeout timers of the instance's task, reminder first. */
  private List<Job> timersOf(ProcessInstance instance) {
    return processEngine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers().list()
        .stream().sorted(Comparator.comparing(Job::getDuedate)).toList();
  }

  /** The task's timers fall due as given; the reminder mails the holder, the escalation asks the responsable. */
  private void remindThenEscalate(ProcessInstance instance, Date reminderAt, Date escalationAt, String holder,
      String organisation, String responsable) throws Exception {
    List<Job> timers = timersOf(instance);
    assertThat(timers).extracting(Job::getDuedate).containsExactly(reminderAt, escalationAt);
    Task task = processEngine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
    ClockUtil.setCurrentTime(new Date(timers.get(0).getDuedate().getTime() + 60_000));
    processEngine.getManagementService().executeJob(timers.get(0).getId());
    MimeMessage reminder = lastMail();
    assertThat(ProcessTestSupport.recipients(reminder)).contains(holder);
    assertThat(ProcessTestSupport.subject(reminder)).isEqualTo("Rappel : tâche à traiter – parcours parcours-1");

    ClockUtil.setCurrentTime(new Date(timers.get(1).getDuedate().getTime() + 60_000));
    processEngine.getManagementService().executeJob(timers.get(1).getId());
    ProcessInstance escalation = processEngine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(EscalationProcess.KEY).variableValueEquals(EscalationProcess.WATCHED_TASK_ID.getName(), task.getId())
        .singleResult();
    assertThat(processEngine.getRuntimeService().getVariable(escalation.getId(), EscalationProcess.WATCHED_ORGANISATION.getName()))
        .isEqualTo(organisation);
    assertThat(processEngine.getRuntimeService().getVariable(escalation.getId(), EscalationProcess.RECIPIENTS.getName()))
        .isEqualTo(responsable);
  }


  private MimeMessage lastMail() {
    MimeMessage[] mails = smtp.getReceivedMessages();
    return mails[mails.length - 1];
  }
}
