package fr.sanscouture.mail;

import static fr.sanscouture.ProcessTestSupport.at;
import static fr.sanscouture.ProcessTestSupport.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fr.sanscouture.ProcessTestBase;
import fr.sanscouture.ProcessTestSupport;
import fr.sanscouture.parcours.EntryChannel;
import fr.sanscouture.reception.ReceptionOrganisationDecision;
import fr.sanscouture.reception.ReceptionProcess;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.util.TestSocketUtils;

/**
 * The SMTP server goes down: the mail's job fails, is retried with back-off, ends as an incident with a
 * readable message; once the server is back and the incident retried, the mail goes out exactly once.
 */
@Deployment(resources = {ReceptionProcess.RESOURCE, ReceptionOrganisationDecision.RESOURCE,
    "forms/reception-appointment.form", "forms/reception.form", "forms/reception-review.form"})
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
    ProcessInstance reception = processEngine.getRuntimeService().startProcessInstanceByKey(ReceptionProcess.KEY,
        "parcours-1", person("parcours-1", EntryChannel.CAF, "84000"));
    Job invitation = management.createJobQuery().processInstanceId(reception.getId())
        .activityId(ReceptionProcess.Elements.SEND_INVITATION).singleResult();

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

    // the server is back; the pilote retries the incident
    server.start();
    management.setJobRetries(invitation.getId(), 1);
    management.executeJob(invitation.getId());
    management.executeJob(management.createJobQuery().processInstanceId(reception.getId())
        .activityId(ReceptionProcess.Elements.SEND_INVITATION).singleResult().getId());

    assertThat(server.getReceivedMessages()).hasSize(1);
    assertThat(server.getReceivedMessages()[0].getMessageID()).isEqualTo("<" + reception.getId() + ".1@sans-couture.example>");
    assertThat(processEngine.getRuntimeService().createIncidentQuery().processInstanceId(reception.getId()).count()).isZero();
  }
}
