package fr.sanscouture.mail;

import static fr.sanscouture.ProcessTestSupport.at;
import static fr.sanscouture.ProcessTestSupport.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fr.sanscouture.ProcessTestBase;
import fr.sanscouture.ProcessTestSupport;
import fr.sanscouture.escalation.MailFailureProcess;
import fr.sanscouture.parcours.EntryChannel;
import fr.sanscouture.reception.ReceptionOrganisationDecision;
import fr.sanscouture.reception.ReceptionProcess;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.util.TestSocketUtils;

/**
 * The SMTP server goes down: the mail's job fails, is retried with back-off, ends as an incident with a
 * readable message, which the structure's responsable finds in Tasklist; once the server is back and
 * the incident retried (by an animateur in Cockpit, or by the responsable), the mail goes out exactly once.
 */
@Deployment(resources = {ReceptionProcess.RESOURCE, ReceptionOrganisationDecision.RESOURCE, MailFailureProcess.RESOURCE,
    "forms/reception-appointment.form", "forms/reception.form", "forms/reception-review.form", "forms/mail-failure.form"})
class MailServerDownTest extends ProcessTestBase {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension
      .builder(ProcessTestSupport.engine("mail-down-test", BEANS)).excludeProcessDefinitionKeys(ReceptionProcess.KEY).build();

  private static final int PORT = TestSocketUtils.findAvailableTcpPort();

  /** A server of its own, on a fixed port, that the test stops and starts again: down at first. */
  private final GreenMail server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  @Override
  protected ProcessEngine engine() {
    return engine.getProcessEngine();
  }

  @BeforeEach
  void mailToTheTestsOwnServer() {
    ProcessTestSupport.wire(BEANS, processEngine, PORT, release());
  }

  @AfterEach
  void stopServer() {
    server.stop();
  }

  @Test
  void aMailThatCannotBeSentIsRetriedThenAnIncidentThenSentExactlyOnce() throws Exception {
    ManagementService management = processEngine.getManagementService();
    ProcessInstance reception = reception("parcours-1");
    Job invitation = jobOf(reception, ReceptionProcess.Elements.SEND_INVITATION);

    // the server is down: each try fails and the next waits 10 minutes
    assertThatThrownBy(() -> management.executeJob(invitation.getId())).hasMessageContaining("n'a pas pu partir");
    Job retried = management.createJobQuery().jobId(invitation.getId()).singleResult();
    assertThat(retried.getRetries()).isEqualTo(4);
    assertThat(retried.getDuedate()).isEqualTo(at(2026, 11, 2, 10, 10));
    for (int attempt = 2; attempt <= 5; attempt++) {
      ClockUtil.setCurrentTime(management.createJobQuery().jobId(invitation.getId()).singleResult().getDuedate());
      assertThatThrownBy(() -> management.executeJob(invitation.getId())).hasMessageContaining("n'a pas pu partir");
    }

    // after the last try: an incident, visible in Cockpit, with a readable message
    Incident incident = processEngine.getRuntimeService().createIncidentQuery().processInstanceId(reception.getId()).singleResult();
    assertThat(incident.getIncidentMessage()).startsWith(
        "Le courriel « Votre accueil dans le Réseau pour l'emploi » n'a pas pu partir : le serveur de courriel ne répond pas");
    assertThat(management.createJobQuery().jobId(invitation.getId()).singleResult().getRetries()).isZero();
    assertThat(server.getReceivedMessages()).isEmpty();

    // the structure's responsable is told in Tasklist
    ProcessInstance mailFailure = mailFailureOf(reception);
    Task retry = processEngine.getTaskService().createTaskQuery().processInstanceId(mailFailure.getId())
        .taskCandidateUser("responsable.accueil").singleResult();
    assertThat(retry.getName()).isEqualTo("Courriel non parti – parcours parcours-1");
    assertThat(processEngine.getFormService().getTaskFormVariables(retry.getId()).getValue(MailFailureProcess.FAILURE.getName(), String.class))
        .startsWith("Le courriel « Votre accueil dans le Réseau pour l'emploi » n'a pas pu partir");

    // the server is back; an animateur retries the incident in Cockpit: the responsable's task closes
    server.start();
    management.setJobRetries(invitation.getId(), 1);
    assertThat(processEngine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(mailFailure.getId())
        .singleResult().getEndActivityId()).isEqualTo(MailFailureProcess.Elements.RETRIED_ELSEWHERE);
    management.executeJob(invitation.getId());
    management.executeJob(jobOf(reception, ReceptionProcess.Elements.SEND_INVITATION).getId());

    assertThat(server.getReceivedMessages()).hasSize(1);
    assertThat(server.getReceivedMessages()[0].getMessageID()).isEqualTo("<" + reception.getId() + ".1@sans-couture.example>");
    assertThat(processEngine.getRuntimeService().createIncidentQuery().processInstanceId(reception.getId()).count()).isZero();
  }

  @Test
  void theResponsableSendsAFailedMailAgainFromTasklist() throws Exception {
    ManagementService management = processEngine.getManagementService();
    ProcessInstance reception = reception("parcours-2");
    Job invitation = jobOf(reception, ReceptionProcess.Elements.SEND_INVITATION);
    failEveryTry(invitation);
    ProcessInstance mailFailure = mailFailureOf(reception);

    server.start();
    sendAgainFromTasklist(mailFailure);

    assertThat(processEngine.getRuntimeService().createIncidentQuery().processInstanceId(reception.getId()).count()).isZero();
    assertThat(processEngine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(mailFailure.getId())
        .singleResult().getEndActivityId()).isEqualTo(MailFailureProcess.Elements.RETRIED);
    management.executeJob(invitation.getId());
    assertThat(server.getReceivedMessages()).hasSize(1);
  }

  @Test
  void aReminderThatCannotLeaveFailsItsTimersJobWhichTheResponsableRunsAgain() throws Exception {
    ManagementService management = processEngine.getManagementService();
    ProcessInstance reception = reception("parcours-3");
    // the reminder is sent in its timer's own job, three days without an appointment
    Job reminder = jobOf(reception, ReceptionProcess.Elements.PLANNING_REMINDER);
    failEveryTry(reminder);

    Incident incident = processEngine.getRuntimeService().createIncidentQuery().configuration(reminder.getId()).singleResult();
    assertThat(incident.getIncidentMessage()).startsWith(
        "Le courriel « Rappel : votre accueil dans le Réseau pour l'emploi » n'a pas pu partir");
    ProcessInstance mailFailure = mailFailureOf(reception);

    server.start();
    sendAgainFromTasklist(mailFailure);
    management.executeJob(reminder.getId());

    assertThat(server.getReceivedMessages()).singleElement()
        .satisfies(mail -> assertThat(mail.getSubject()).isEqualTo("Rappel : votre accueil dans le Réseau pour l'emploi"));
    assertThat(processEngine.getRuntimeService().createIncidentQuery().processInstanceId(reception.getId()).count()).isZero();
    assertThat(processEngine.getTaskService().createTaskQuery().processInstanceId(reception.getId())
        .taskDefinitionKey(ReceptionProcess.Elements.PLAN_APPOINTMENT).count()).isOne();
  }

  private ProcessInstance reception(String parcoursId) {
    return processEngine.getRuntimeService().startProcessInstanceByKey(ReceptionProcess.KEY, parcoursId,
        person(parcoursId, EntryChannel.CAF, "84000"));
  }

  private Job jobOf(ProcessInstance reception, String activityId) {
    return processEngine.getManagementService().createJobQuery().processInstanceId(reception.getId()).activityId(activityId).singleResult();
  }

  /** The responsable answers the mail's task: the mail server is repaired, send it again. */
  private void sendAgainFromTasklist(ProcessInstance mailFailure) {
    Task retry = processEngine.getTaskService().createTaskQuery().processInstanceId(mailFailure.getId()).singleResult();
    processEngine.getTaskService().complete(retry.getId(), Map.of("mailServerRepaired", true));
  }

  /** Runs the job each time it is due, the server down, until its tries run out. */
  private void failEveryTry(Job job) {
    ManagementService management = processEngine.getManagementService();
    for (int attempt = 1; attempt <= 5; attempt++) {
      java.util.Date due = management.createJobQuery().jobId(job.getId()).singleResult().getDuedate();
      if (due != null) {
        ClockUtil.setCurrentTime(due);
      }
      assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("n'a pas pu partir");
    }
  }

  /** The task the mail's incident started, once it found who answers for the reception's structure. */
  private ProcessInstance mailFailureOf(ProcessInstance reception) {
    String structure = (String) processEngine.getRuntimeService().getVariable(reception.getId(), "receptionOrganisation");
    ProcessTestSupport.user(processEngine.getIdentityService(), "responsable.accueil", "role-responsable", structure);
    ProcessInstance mailFailure = processEngine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(MailFailureProcess.KEY).processInstanceBusinessKey(reception.getBusinessKey()).singleResult();
    assertThat(mailFailure).isNotNull();
    processEngine.getManagementService().executeJob(processEngine.getManagementService().createJobQuery()
        .processInstanceId(mailFailure.getId()).singleResult().getId());
    return mailFailure;
  }
}
