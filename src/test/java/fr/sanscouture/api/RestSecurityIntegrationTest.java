package fr.sanscouture.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.sanscouture.PostgresIntegrationTest;
import fr.sanscouture.parcours.EntryChannel;
import fr.sanscouture.parcours.NewParcours;
import fr.sanscouture.parcours.ParcoursService;
import java.time.LocalDate;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The engine's REST API: authenticated, and a référent sees the tasks of their own structure only. */
class RestSecurityIntegrationTest extends PostgresIntegrationTest {

  private static final String AVIGNON = "rest-referent-avignon";
  private static final String ORANGE = "rest-referent-orange";
  /** Failed logins delay the account's next ones, so they get an account of their own. */
  private static final String INTRUDER = "rest-intrus";

  @Autowired TestRestTemplate http;
  @Autowired ParcoursService parcoursService;
  @Autowired TaskService taskService;
  @Autowired org.camunda.bpm.engine.RuntimeService runtimeService;
  @Autowired org.camunda.bpm.engine.ManagementService managementService;
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void accounts() {
    account(AVIGNON, "role-referent", "structure-dept-grand-avignon", "bassin-grand-avignon");
    account(ORANGE, "role-referent", "structure-dept-haut-vaucluse", "bassin-haut-vaucluse");
    account(INTRUDER, "role-referent", "structure-dept-haut-vaucluse", "bassin-haut-vaucluse");
  }

  @Test
  void withoutCredentialsTheEngineApiAnswers401() {
    assertThat(http.getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.getForEntity("/engine-rest/process-instance", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.withBasicAuth(INTRUDER, "mauvais").getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void aReferentSeesTheTasksOfTheirStructureAndNoneOfAnother() throws Exception {
    parcoursService.start(person("Rose", "Lambert", "84000", "4000001"));
    String orange = parcoursService.start(person("Jules", "Marchand", "84100", "4000002")).parcoursId();
    String orangeTask = taskService.createTaskQuery().processInstanceBusinessKey(orange).singleResult().getId();

    JsonNode seenInAvignon = json.readTree(get(AVIGNON, "/engine-rest/task").getBody());
    assertThat(seenInAvignon.findValuesAsText("name")).contains("Planifier l'accueil – Rose Lambert")
        .doesNotContain("Planifier l'accueil – Jules Marchand");
    assertThat(seenInAvignon.findValuesAsText("processInstanceId")).doesNotContain(
        taskService.createTaskQuery().processInstanceBusinessKey(orange).singleResult().getProcessInstanceId());
    JsonNode seenInOrange = json.readTree(get(ORANGE, "/engine-rest/task").getBody());
    assertThat(seenInOrange.findValuesAsText("name")).contains("Planifier l'accueil – Jules Marchand")
        .doesNotContain("Planifier l'accueil – Rose Lambert");

    ResponseEntity<String> otherTask = get(AVIGNON, "/engine-rest/task/" + orangeTask);
    assertThat(otherTask.getStatusCode().is2xxSuccessful()).isFalse();
    assertThat(otherTask.getBody()).doesNotContain("Jules");
    ResponseEntity<String> otherVariables = get(AVIGNON, "/engine-rest/task/" + orangeTask + "/variables");
    assertThat(otherVariables.getStatusCode().is2xxSuccessful()).isFalse();
    assertThat(otherVariables.getBody()).doesNotContain("Marchand");
    assertThat(get(AVIGNON, "/engine-rest/process-instance?businessKey=" + orange).getBody()).isEqualTo("[]");
  }

  @Test
  void partnerSystemsCannotBypassTheApplicationThroughTheEngineApi() {
    account("rest-flux", "role-flux-partenaire");
    long parcours = runtimeService.createProcessInstanceQuery().count();

    ResponseEntity<String> start = http.withBasicAuth("rest-flux", PASSWORD).postForEntity(
        "/engine-rest/process-definition/key/parcours/start", java.util.Map.of("businessKey", "contournement"), String.class);
    ResponseEntity<String> message = http.withBasicAuth("rest-flux", PASSWORD).postForEntity(
        "/engine-rest/message", java.util.Map.of("messageName", "Message_EntryReceived", "businessKey", "contournement"),
        String.class);

    // the definition is hidden from them (404) and the message refused (403)
    assertThat(start.getStatusCode().value()).isIn(403, 404);
    assertThat(message.getStatusCode().value()).isIn(403, 404);
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(parcours);
  }

  @Test
  void anAnimateurRetriesAJobThatFailedAReferentCannot() {
    account("rest-animateur", "role-animateur", "bassin-grand-avignon");
    String parcoursId = parcoursService.start(person("Lou", "Relance", "84000", "4000009")).parcoursId();
    String reception = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(parcoursId)
        .processDefinitionKey("reception").singleResult().getId();
    // a timer whose tries ran out, as the job executor leaves it: an incident
    String jobId = managementService.createJobQuery().processInstanceId(reception).timers().list().get(0).getId();
    managementService.setJobRetries(jobId, 0);
    assertThat(runtimeService.createIncidentQuery().processInstanceId(reception).configuration(jobId).count()).isEqualTo(1);

    ResponseEntity<String> byReferent = http.withBasicAuth(AVIGNON, PASSWORD).exchange("/engine-rest/job/" + jobId + "/retries",
        org.springframework.http.HttpMethod.PUT, new org.springframework.http.HttpEntity<>(java.util.Map.of("retries", 1)), String.class);
    assertThat(byReferent.getStatusCode().is2xxSuccessful()).isFalse();
    assertThat(managementService.createJobQuery().jobId(jobId).singleResult().getRetries()).isZero();

    ResponseEntity<String> byAnimateur = http.withBasicAuth("rest-animateur", PASSWORD).exchange("/engine-rest/job/" + jobId + "/retries",
        org.springframework.http.HttpMethod.PUT, new org.springframework.http.HttpEntity<>(java.util.Map.of("retries", 1)), String.class);
    assertThat(byAnimateur.getStatusCode()).as(byAnimateur.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(managementService.createJobQuery().jobId(jobId).singleResult().getRetries()).isEqualTo(1);
  }

  @Test
  void productionHasNoDemoAccount() {
    assertThat(identityService.createUserQuery().userIdIn("admin", "claire.martin", "flux-caf").count()).isZero();
  }

  private ResponseEntity<String> get(String user, String path) {
    return http.withBasicAuth(user, PASSWORD).getForEntity(path, String.class);
  }

  private static NewParcours person(String firstName, String lastName, String postcode, String cafNumber) {
    return new NewParcours(EntryChannel.CAF, firstName, lastName, LocalDate.of(1985, 5, 6),
        firstName.toLowerCase() + "@exemple.example", postcode, cafNumber, null, null);
  }
}
