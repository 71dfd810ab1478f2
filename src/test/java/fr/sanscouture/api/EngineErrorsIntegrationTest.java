package fr.sanscouture.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.sanscouture.PostgresIntegrationTest;
import fr.sanscouture.WebappSession;
import fr.sanscouture.parcours.EntryChannel;
import fr.sanscouture.parcours.NewParcours;
import fr.sanscouture.parcours.ParcoursService;
import fr.sanscouture.reception.ReceptionProcess;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A request the engine fails because of the caller answers 4xx with the reason, never 500: a form
 * refused by the models' rules answers its French sentence alone, through the engine's REST API and
 * through Tasklist's, stores nothing and is not logged as an error.
 */
@ExtendWith(OutputCaptureExtension.class)
class EngineErrorsIntegrationTest extends PostgresIntegrationTest {

  private static final String REFERENT = "erreurs-referent";
  private static final String PAST = "Le rendez-vous d'accueil doit être à venir.";

  @Autowired TestRestTemplate http;
  @Autowired ParcoursService parcoursService;
  @Autowired TaskService taskService;
  @LocalServerPort int port;
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void referent() {
    account(REFERENT, "role-referent", "structure-dept-grand-avignon", "bassin-grand-avignon");
  }

  @Test
  void aFormRefusedByTheRulesAnswers400WithItsSentenceAloneAndStoresNothing(CapturedOutput log) throws Exception {
    String task = planningTaskOf(parcoursService.start(person("Lina", "Perrin", "8100001")).parcoursId());

    ResponseEntity<String> answer = http.withBasicAuth(REFERENT, PASSWORD).postForEntity(
        "/engine-rest/task/" + task + "/submit-form", jsonBody(pastAppointment()), String.class);

    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    JsonNode body = json.readTree(answer.getBody());
    assertThat(body.path("message").asText()).isEqualTo(PAST);
    assertThat(taskService.createTaskQuery().taskId(task).count()).isOne();
    assertThat(taskService.getVariables(task)).doesNotContainKey(ReceptionProcess.APPOINTMENT_AT.getName());
    assertThat(log.getAll()).doesNotContain("ENGINE-03051").doesNotContainPattern("ERROR.*" + PAST);
  }

  @Test
  void tasklistShowsTheRefusalsSentence() throws Exception {
    String task = planningTaskOf(parcoursService.start(person("Noé", "Garnier", "8100002")).parcoursId());
    WebappSession tasklist = new WebappSession("http://localhost:" + port);
    tasklist.login("tasklist", REFERENT, PASSWORD);

    HttpResponse<String> answer = tasklist.send("POST",
        "/camunda/api/engine/engine/default/task/" + task + "/submit-form", json.writeValueAsString(pastAppointment()));

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(json.readTree(answer.body()).path("message").asText()).isEqualTo(PAST);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/engine-rest/task/inconnue/variables", "/engine-rest/task/inconnue/deployed-form",
      "/engine-rest/task/inconnue/form-variables", "/engine-rest/process-instance/inconnue/variables"})
  void anUnknownIdIsTheCallersMistake(String path) throws Exception {
    ResponseEntity<String> answer = http.withBasicAuth(REFERENT, PASSWORD).getForEntity(path, String.class);

    assertThat(answer.getStatusCode().is4xxClientError()).as(path + " answered " + answer.getBody()).isTrue();
    assertThat(json.readTree(answer.getBody()).path("message").asText()).isNotBlank();
  }

  @Test
  void anUnknownTasksFormIsNotFoundAndNoErrorIsLogged(CapturedOutput log) throws Exception {
    ResponseEntity<String> answer = http.withBasicAuth(REFERENT, PASSWORD).getForEntity("/engine-rest/task/absente/deployed-form", String.class);

    assertThat(answer.getStatusCode().value()).isEqualTo(404);
    assertThat(json.readTree(answer.getBody()).path("message").asText()).isEqualTo("Aucune tâche n'a l'identifiant absente.");
    assertThat(log.getAll()).doesNotContain("NullPointerException");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/engine-rest/process-instance?processInstanceIds=,,,", "/engine-rest/task?sortBy=inconnu&sortOrder=asc",
      "/engine-rest/task?maxResults=-1", "/engine-rest/history/process-instance?sortBy=inconnu&sortOrder=desc",
      "/engine-rest/task?firstResult=-5&maxResults=3", "/engine-rest/process-instance/count?processInstanceIds=,"})
  void aQueryOutOfRangeIsTheCallersMistake(String path) throws Exception {
    ResponseEntity<String> answer = http.withBasicAuth(REFERENT, PASSWORD).getForEntity(path, String.class);

    assertThat(answer.getStatusCode().is4xxClientError()).as(path + " answered " + answer.getBody()).isTrue();
    assertThat(json.readTree(answer.getBody()).path("message").asText()).isNotBlank();
  }

  @Test
  void anUnreadableModelIsRefusedWithItsLine() throws Exception {
    account("erreurs-animateur", "role-animateur", "bassin-grand-avignon");
    org.springframework.util.LinkedMultiValueMap<String, Object> form = new org.springframework.util.LinkedMultiValueMap<>();
    form.add("deployment-name", "cassé");
    form.add("data", new org.springframework.core.io.ByteArrayResource(
        "<?xml version=\"1.0\"?>\n<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">\n<bpmn:process id=\"x\">\n</bpmn:definitions>"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return "casse.bpmn";
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);

    ResponseEntity<String> answer = http.withBasicAuth("erreurs-animateur", PASSWORD)
        .postForEntity("/engine-rest/deployment/create", new HttpEntity<>(form, headers), String.class);

    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400);
    assertThat(json.readTree(answer.getBody()).path("message").asText()).contains("ligne 4");
  }

  @Test
  void aWeakPasswordIsRefusedInFrenchWithThePolicysRules() throws Exception {
    administrator("erreurs-admin");
    Map<String, Object> user = Map.of("profile", Map.of("id", "erreurs-faible", "firstName", "Faible", "lastName", "Test",
        "email", "faible@test.example"), "credentials", Map.of("password", "court"));

    ResponseEntity<String> answer = http.withBasicAuth("erreurs-admin", PASSWORD).postForEntity("/engine-rest/user/create",
        jsonBody(user), String.class);

    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400);
    assertThat(json.readTree(answer.getBody()).path("message").asText())
        .startsWith("Le mot de passe ne respecte pas la règle : au moins 10 caractères");
    assertThat(identityService.createUserQuery().userId("erreurs-faible").count()).isZero();
  }

  private String planningTaskOf(String parcoursId) {
    return taskService.createTaskQuery().processInstanceBusinessKey(parcoursId)
        .taskDefinitionKey(ReceptionProcess.Elements.PLAN_APPOINTMENT).singleResult().getId();
  }

  private static Map<String, Object> pastAppointment() {
    return Map.of("variables", Map.of(
        ReceptionProcess.APPOINTMENT.getName(), Map.of("value", "2020-01-06T10:00", "type", "String"),
        ReceptionProcess.APPOINTMENT_PLACE.getName(), Map.of("value", "Avignon", "type", "String")));
  }

  private static HttpEntity<Map<String, Object>> jsonBody(Map<String, Object> body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }

  private static NewParcours person(String firstName, String lastName, String cafNumber) {
    return new NewParcours(EntryChannel.CAF, firstName, lastName, LocalDate.of(1988, 3, 4),
        cafNumber + "@exemple.example", "84000", cafNumber, null, null);
  }
}
