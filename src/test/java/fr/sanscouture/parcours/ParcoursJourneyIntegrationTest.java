package fr.sanscouture.parcours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.sanscouture.PostgresIntegrationTest;
import fr.sanscouture.Steps;
import fr.sanscouture.contract.EngagementContractProcess;
import fr.sanscouture.diagnostic.DiagnosticProcess;
import fr.sanscouture.followup.FollowUpProcess;
import fr.sanscouture.orientation.OrientationProcess;
import fr.sanscouture.reception.ReceptionProcess;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Whole parcours on PostgreSQL, with the job executor running: from entry to a job, and the CAF's end of rights. */
class ParcoursJourneyIntegrationTest extends PostgresIntegrationTest {

  private static final String PARTNER = "journey-flux-caf";

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void accounts() {
    account(PARTNER, "role-flux-partenaire");
    account("journey-referent", "role-referent", "structure-ft-cavaillon", "bassin-sud-vaucluse");
  }

  @Test
  void aPersonGoesFromEntryToASustainableJob() throws Exception {
    String parcoursId = enter("Maël", "Garnier", "5000001");

    complete(parcoursId, ReceptionProcess.Elements.PLAN_APPOINTMENT, Map.of(
        ReceptionProcess.APPOINTMENT.getName(), OffsetDateTime.now().plusHours(1).toString(),
        ReceptionProcess.APPOINTMENT_PLACE.getName(), "Cavaillon"));
    complete(parcoursId, ReceptionProcess.Elements.HOLD_RECEPTION, Map.of(
        ReceptionProcess.RECEPTION_OUTCOME.getName(), "SEEN", ReceptionProcess.RECEPTION_DATE.getName(), today()));
    complete(parcoursId, DiagnosticProcess.Elements.RECORD_DIAGNOSTIC, Steps.diagnosis(true, Map.of()));
    complete(parcoursId, OrientationProcess.Elements.CONFIRM_ORIENTATION,
        Map.of(OrientationProcess.DECISION.getName(), OrientationProcess.CONFIRM));

    Task contract = awaitTask(parcoursId, EngagementContractProcess.Elements.SIGN_CONTRACT);
    assertThat(contract.getAssignee()).isEqualTo("journey-referent");
    complete(parcoursId, EngagementContractProcess.Elements.SIGN_CONTRACT, Variables.createVariables()
        .putValue(EngagementContractProcess.PLAN_ACTIONS, SpinValues.jsonValue("[\"JOB_SEARCH\"]").create())
        .putValue(EngagementContractProcess.WEEKLY_HOURS, 15L)
        .putValue(EngagementContractProcess.SIGNED_ON.getName(), today()));
    complete(parcoursId, FollowUpProcess.Elements.HOLD_MILESTONE, Map.of(
        FollowUpProcess.ACTIONS_PROGRESS.getName(), "Embauchée en CDI après une immersion.",
        FollowUpProcess.DECISION.getName(), "EXIT",
        ParcoursProcess.EXIT_REASON.getName(), "SUSTAINABLE_JOB",
        FollowUpProcess.JOB_PERMANENT.getName(), true));

    await().atMost(Duration.ofSeconds(30)).until(() -> instancesOf(parcoursId).isEmpty());
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(ParcoursProcess.KEY)
        .processInstanceBusinessKey(parcoursId).singleResult().getEndActivityId()).isEqualTo(ParcoursProcess.Elements.EXITED);
    assertThat(historyService.createHistoricVariableInstanceQuery().variableName(ParcoursProcess.EXIT_REASON.getName())
        .processInstanceIdIn(rootOf(parcoursId)).singleResult().getValue()).isEqualTo("SUSTAINABLE_JOB");
    assertThat(Arrays.stream(SMTP.getReceivedMessages()).map(this::subject))
        .contains("Votre référent unique", "Nouvelle personne à accompagner – parcours " + parcoursId);
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(parcoursId).count()).isZero();
  }

  @Test
  void theCafFlowEndsTheRightsOfAPersonWhereverTheirParcoursStands() throws Exception {
    String parcoursId = enter("Inès", "Barbier", "5000002");
    awaitTask(parcoursId, ReceptionProcess.Elements.PLAN_APPOINTMENT);
    settle(parcoursId);

    ResponseEntity<String> response = http.withBasicAuth(PARTNER, PASSWORD)
        .postForEntity("/api/parcours/rsa-rights-ended", Map.of("cafNumber", "5000002"), String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json.readTree(response.getBody()).get("parcoursId").asText()).isEqualTo(parcoursId);
    assertThat(instancesOf(parcoursId)).isEmpty();
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(parcoursId).count()).isZero();
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(rootOf(parcoursId))
        .activityId(ParcoursProcess.Elements.RSA_RIGHTS_ENDED).finished().count()).isOne();
  }

  @Test
  void anEndOfRightsForAnUnknownPersonIsAnsweredClearlyAndChangesNothing() throws Exception {
    long running = runtimeService.createProcessInstanceQuery().count();

    ResponseEntity<String> unknown = http.withBasicAuth(PARTNER, PASSWORD)
        .postForEntity("/api/parcours/rsa-rights-ended", Map.of("cafNumber", "9999999"), String.class);
    ResponseEntity<String> unidentified = http.withBasicAuth(PARTNER, PASSWORD)
        .postForEntity("/api/parcours/rsa-rights-ended", Map.of(), String.class);

    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(json.readTree(unknown.getBody()).get("detail").asText()).contains("Aucun parcours actif pour cette personne");
    assertThat(unidentified.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(unidentified.getBody()).get("errors").findValuesAsText("field")).containsExactly("identified");
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(running);
  }

  private String enter(String firstName, String lastName, String cafNumber) throws Exception {
    ResponseEntity<String> response = http.withBasicAuth(PARTNER, PASSWORD).postForEntity("/api/parcours", Map.of(
        "entryChannel", "CAF", "person", Map.of("firstName", firstName, "lastName", lastName, "birthDate", "1985-06-01",
            "email", cafNumber + "@exemple.example", "postcode", "84300", "cafNumber", cafNumber)), String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode body = json.readTree(response.getBody());
    return body.get("parcoursId").asText();
  }

  /** Completes the task once it is there, after the jobs already due (mails) have run. */
  private void complete(String parcoursId, String taskDefinitionKey, Map<String, Object> variables) {
    Task task = awaitTask(parcoursId, taskDefinitionKey);
    settle(parcoursId);
    taskService.complete(task.getId(), variables);
  }

  private Task awaitTask(String parcoursId, String taskDefinitionKey) {
    return await().atMost(Duration.ofSeconds(30)).until(() -> taskService.createTaskQuery()
        .processInstanceBusinessKey(parcoursId).taskDefinitionKey(taskDefinitionKey).singleResult(), task -> task != null);
  }

  /** Waits until the parcours has no async job left to run (timers excepted). */
  private void settle(String parcoursId) {
    await().atMost(Duration.ofSeconds(30)).until(() -> instancesOf(parcoursId).stream()
        .allMatch(instance -> managementService.createJobQuery().processInstanceId(instance.getId()).messages().count() == 0));
  }

  private List<ProcessInstance> instancesOf(String parcoursId) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(parcoursId).list();
  }

  private String rootOf(String parcoursId) {
    return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(ParcoursProcess.KEY)
        .processInstanceBusinessKey(parcoursId).singleResult().getId();
  }

  private static String today() {
    return LocalDate.now(java.time.ZoneId.of("Europe/Paris")).toString();
  }

  private String subject(jakarta.mail.Message mail) {
    try {
      return mail.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
