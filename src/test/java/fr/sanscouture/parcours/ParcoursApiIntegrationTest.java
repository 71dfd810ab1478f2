package fr.sanscouture.parcours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.sanscouture.PostgresIntegrationTest;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import fr.sanscouture.reception.ReceptionProcess;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Partner systems start parcours through {@code POST /api/parcours}, on PostgreSQL. */
class ParcoursApiIntegrationTest extends PostgresIntegrationTest {

  private static final String PARTNER = "api-flux-caf";
  private static final String REFERENT = "api-referent-avignon";
  /** Failed logins delay the account's next ones, so they get an account of their own. */
  private static final String INTRUDER = "api-intrus";

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired RepositoryService repositoryService;
  @Autowired JdbcTemplate jdbc;
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void accounts() {
    account(PARTNER, "role-flux-partenaire");
    account(REFERENT, "role-referent", "structure-dept-grand-avignon", "bassin-grand-avignon");
    account(INTRUDER, "role-flux-partenaire");
  }

  @Test
  void aPartnerStartsAParcoursThatWaitsForReceptionInTheStructureOfTheBassin() throws Exception {
    ResponseEntity<String> response = post(PARTNER, person("Camille", "Arnaud", "84000", "3000001"));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode body = json.readTree(response.getBody());
    String parcoursId = body.get("parcoursId").asText();
    assertThat(body.get("employmentArea").asText()).isEqualTo("grand-avignon");

    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ParcoursProcess.KEY).processInstanceBusinessKey(parcoursId).count()).isEqualTo(1);
    Task reception = taskService.createTaskQuery().processInstanceBusinessKey(parcoursId)
        .taskCandidateGroup("structure-dept-grand-avignon").initializeFormKeys().singleResult();
    assertThat(reception.getName()).isEqualTo("Planifier l'accueil – Camille Arnaud");
    assertThat(reception.getTaskDefinitionKey()).isEqualTo(ReceptionProcess.Elements.PLAN_APPOINTMENT);
    assertThat(reception.getCamundaFormRef().getKey()).isEqualTo("reception-appointment");
    try (InputStream form = formService.getDeployedTaskForm(reception.getId())) {
      assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8)).contains("\"id\": \"reception-appointment\"");
    }

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Arrays.stream(SMTP.getReceivedMessages())
        .filter(mail -> recipient(mail).equals("camille.arnaud@exemple.example"))
        .map(this::subject)).containsExactly("Votre accueil dans le Réseau pour l'emploi"));
  }

  @Test
  void theModelsAndFormsAreDeployedTogetherUnderTheirRepositoryPaths() {
    ProcessDefinition parcours = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(ParcoursProcess.KEY).latestVersion().singleResult();

    assertThat(repositoryService.getDeploymentResourceNames(parcours.getDeploymentId()))
        .contains("processes/parcours.bpmn", "processes/reception.bpmn", "processes/reception-organisation.dmn",
            "forms/reception.form", "forms/reception-appointment.form");
    assertThat(repositoryService.createDeploymentQuery().deploymentId(parcours.getDeploymentId()).singleResult().getName())
        .isEqualTo("sans-couture");
  }

  @Test
  void invalidFieldsAreEachNamedAndNothingIsStarted() throws Exception {
    long instances = runtimeService.createProcessInstanceQuery().count();
    long keys = activeKeys();
    Map<String, Object> person = new HashMap<>(Map.of(
        "firstName", " ", "birthDate", "2015-05-01", "email", "pas-une-adresse", "postcode", "13001",
        "franceTravailId", "12"));

    ResponseEntity<String> response = post(PARTNER, Map.of("entryChannel", "CAF", "person", person));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    JsonNode body = json.readTree(response.getBody());
    assertThat(body.get("title").asText()).isEqualTo("Requête invalide");
    assertThat(body.get("errors").findValuesAsText("field")).containsExactly(
        "person.birthDate", "person.cafNumber", "person.email", "person.firstName", "person.franceTravailId",
        "person.lastName", "person.postcode");
    assertThat(body.get("errors").toString())
        .contains("ne doit pas être vide", "au moins 16 ans", "n'est pas une commune du territoire (Vaucluse)", "obligatoire pour une entrée par la CAF");
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instances);
    assertThat(activeKeys()).isEqualTo(keys);
  }

  @Test
  void unreadableValuesNameTheirField() throws Exception {
    Map<String, Object> request = person("Hugo", "Brun", "84000", "3000002");
    request.put("entryChannel", "PIGEON_VOYAGEUR");

    JsonNode body = json.readTree(post(PARTNER, request).getBody());

    assertThat(body.get("status").asInt()).isEqualTo(400);
    assertThat(body.get("errors").findValuesAsText("field")).containsExactly("entryChannel");
  }

  @Test
  void aPersonWithAnActiveParcoursIsNotStartedTwiceUntilItEnds() throws Exception {
    String first = json.readTree(post(PARTNER, person("Yasmine", "Haddad", "84000", "3000003")).getBody())
        .get("parcoursId").asText();

    // the same person, notified again by another partner with another identifier
    Map<String, Object> again = person("YASMINE", "Haddad", "84100", null);
    again.put("entryChannel", "FRANCE_TRAVAIL");
    ((Map<String, Object>) again.get("person")).put("franceTravailId", "3000003X");
    ResponseEntity<String> conflict = post(PARTNER, again);

    assertThat(conflict.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(json.readTree(conflict.getBody()).get("parcoursId").asText()).isEqualTo(first);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ParcoursProcess.KEY)
        .variableValueEquals(ParcoursProcess.PERSON_LAST_NAME.getName(), "Haddad").count())
        .isEqualTo(1);

    // once the parcours has ended (here cancelled from Cockpit, after its invitation went), the person may enter again
    await().atMost(Duration.ofSeconds(30)).until(() -> managementService.createJobQuery()
        .activityId(ReceptionProcess.Elements.SEND_INVITATION).count() == 0);
    runtimeService.deleteProcessInstance(
        runtimeService.createProcessInstanceQuery().processDefinitionKey(ParcoursProcess.KEY).processInstanceBusinessKey(first).singleResult().getId(),
        "Parcours ouvert par erreur");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ParcoursProcess.KEY).processInstanceBusinessKey(first).count()).isZero();

    assertThat(post(PARTNER, again).getStatusCode()).isEqualTo(HttpStatus.CREATED);
  }

  @Test
  void onlyPartnerSystemsMayStartAParcours() {
    long instances = runtimeService.createProcessInstanceQuery().count();

    ResponseEntity<String> response = post(REFERENT, person("Paul", "Vidal", "84000", "3000004"));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(response.getBody()).contains("Accès refusé");
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instances);
  }

  @Test
  void theApiRequiresCredentials() {
    assertThat(http.postForEntity("/api/parcours", person("Eva", "Roy", "84000", "3000005"), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.withBasicAuth(INTRUDER, "mauvais").postForEntity("/api/parcours",
        person("Eva", "Roy", "84000", "3000005"), String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  private ResponseEntity<String> post(String user, Object body) {
    return http.withBasicAuth(user, PASSWORD).postForEntity("/api/parcours", body, String.class);
  }

  private static Map<String, Object> person(String firstName, String lastName, String postcode, String cafNumber) {
    Map<String, Object> person = new HashMap<>(Map.of(
        "firstName", firstName, "lastName", lastName, "birthDate", "1990-02-03",
        "email", (firstName + "." + lastName + "@exemple.example").toLowerCase(), "postcode", postcode));
    if (cafNumber != null) {
      person.put("cafNumber", cafNumber);
    }
    return new HashMap<>(Map.of("entryChannel", "CAF", "person", person));
  }

  private long activeKeys() {
    return jdbc.queryForObject("SELECT count(*) FROM active_parcours_key", Long.class);
  }

  private String recipient(jakarta.mail.Message mail) {
    try {
      return mail.getAllRecipients()[0].toString();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private String subject(jakarta.mail.Message mail) {
    try {
      return mail.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
