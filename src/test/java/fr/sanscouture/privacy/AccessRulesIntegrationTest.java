package fr.sanscouture.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.sanscouture.PostgresIntegrationTest;
import fr.sanscouture.model.ModelerRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The access rules through the REST APIs, as production runs them: for every role, a person followed
 * by another structure stays out of reach (tasks, variables, process instances, history, the
 * application's endpoints); deployment is the animateurs'; reads and changes are traced (reads in the
 * webapps: see DemoDataTest); an
 * administrator can erase a person's parcours, leaving nothing of it in any table.
 */
class AccessRulesIntegrationTest extends PostgresIntegrationTest {

  private static final String IN_CHARGE = "acces-referent-avignon";
  private static final String FLUX = "acces-flux";
  private static final String ADMIN = "acces-admin";
  /** One account per role, none of them of the structure in charge (the Département, Grand Avignon). */
  private static final Map<String, String[]> OTHERS = Map.of(
      "acces-referent-orange", new String[] {"role-referent", "structure-dept-haut-vaucluse", "bassin-haut-vaucluse"},
      "acces-responsable-orange", new String[] {"role-responsable", "structure-dept-haut-vaucluse", "bassin-haut-vaucluse"},
      "acces-partenaire", new String[] {"role-partenaire", "structure-ccas-avignon", "bassin-grand-avignon"},
      "acces-charge-orientation", new String[] {"role-charge-orientation"},
      "acces-animateur", new String[] {"role-animateur", "bassin-grand-avignon"},
      "acces-pilote", new String[] {"role-pilote"},
      "acces-direction", new String[] {"role-direction"});
  private static final List<String> MONITORS = List.of("acces-animateur", "acces-pilote", "acces-direction");

  @Autowired TestRestTemplate http;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired JdbcTemplate jdbc;
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void accounts() {
    account(IN_CHARGE, "role-referent", "structure-dept-grand-avignon", "bassin-grand-avignon");
    account(FLUX, "role-flux-partenaire");
    administrator(ADMIN);
    OTHERS.forEach(this::account);
  }

  @Test
  void everyOtherRoleIsKeptAwayFromAPersonFollowedByAnotherStructure() throws Exception {
    Parcours parcours = enter("Aubin", "Secretan", "4777777");

    // the structure in charge sees the person
    assertThat(get(IN_CHARGE, "/engine-rest/task").getBody()).contains("Secretan");
    assertThat(get(IN_CHARGE, "/engine-rest/task/" + parcours.task + "/variables").getBody()).contains("Secretan");
    assertThat(get(IN_CHARGE, "/engine-rest/process-instance?businessKey=" + parcours.id).getBody()).contains(parcours.root);
    assertThat(get(IN_CHARGE, "/engine-rest/history/variable-instance?processInstanceId=" + parcours.root).getBody())
        .contains("Secretan");

    for (String user : OTHERS.keySet()) {
      assertThat(get(user, "/engine-rest/task").getBody()).as(user).doesNotContain("Secretan");
      assertDenied(user, get(user, "/engine-rest/task/" + parcours.task));
      assertDenied(user, get(user, "/engine-rest/task/" + parcours.task + "/variables"));
      assertDenied(user, get(user, "/engine-rest/task/" + parcours.task + "/form-variables"));
      assertDenied(user, get(user, "/engine-rest/process-instance/" + parcours.root + "/variables"));
      assertThat(get(user, "/engine-rest/variable-instance?processInstanceIdIn=" + parcours.root).getBody()).as(user).isEqualTo("[]");
      assertThat(get(user, "/engine-rest/history/variable-instance?processInstanceId=" + parcours.root).getBody()).as(user).isEqualTo("[]");
      assertThat(get(user, "/engine-rest/history/process-instance?processInstanceBusinessKey=" + parcours.id).getBody()).as(user)
          .isEqualTo("[]");
      assertThat(get(user, "/engine-rest/history/task?processInstanceBusinessKey=" + parcours.id).getBody()).as(user).isEqualTo("[]");
      assertThat(get(user, "/engine-rest/history/activity-instance?processInstanceId=" + parcours.root).getBody()).as(user)
          .isEqualTo("[]");
      // the monitors see that a parcours runs (its id, where it waits), nothing of the person
      String instances = get(user, "/engine-rest/process-instance?businessKey=" + parcours.id).getBody();
      if (MONITORS.contains(user)) {
        assertThat(instances).as(user).contains(parcours.root).doesNotContain("Secretan");
      } else {
        assertThat(instances).as(user).isEqualTo("[]");
      }
      // nor can anyone of them work the task, the pilote included
      assertDenied(user, post(user, "/engine-rest/task/" + parcours.task + "/claim", Map.of("userId", user)));
      assertDenied(user, post(user, "/engine-rest/task/" + parcours.task + "/complete", Map.of()));
      // the application's endpoints
      assertThat(post(user, "/api/parcours", person("Intrus", "Refuse", "4777700")).getStatusCode().value()).as(user).isEqualTo(403);
      assertThat(get(user, "/api/parcours/" + parcours.id + "/audit").getStatusCode().value()).as(user).isEqualTo(403);
      assertThat(http.withBasicAuth(user, PASSWORD).exchange("/api/parcours/" + parcours.id, HttpMethod.DELETE, null, String.class)
          .getStatusCode().value()).as(user).isEqualTo(403);
    }
    assertThat(taskService.createTaskQuery().taskId(parcours.task).singleResult().getAssignee()).isNull();
  }

  @Test
  void aResponsableGivesATaskOfTheirStructureToOneOfItsMembersOnly() throws Exception {
    account("acces-responsable-avignon", "role-responsable", "structure-dept-grand-avignon", "bassin-grand-avignon");
    Parcours parcours = enter("Noe", "Reattribue", "4555555");
    String assignee = "/engine-rest/task/" + parcours.task + "/assignee";

    // Tasklist looks the référent up before giving them the task
    assertThat(get("acces-responsable-avignon", "/engine-rest/user?id=" + IN_CHARGE).getBody()).contains(IN_CHARGE);
    assertThat(post(IN_CHARGE, assignee, Map.of("userId", IN_CHARGE)).getStatusCode().value()).isEqualTo(403);
    ResponseEntity<String> outside = post("acces-responsable-avignon", assignee, Map.of("userId", "acces-referent-orange"));
    assertThat(outside.getStatusCode().is2xxSuccessful()).isFalse();
    assertThat(outside.getBody()).contains("personne de la structure");
    assertThat(post("acces-responsable-avignon", assignee, Map.of("userId", IN_CHARGE)).getStatusCode().value()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(parcours.task).singleResult().getAssignee()).isEqualTo(IN_CHARGE);
  }

  @Test
  void onlyAnimateursDeployModels() {
    assertThat(deploy("acces-animateur").getStatusCode().value()).isEqualTo(200);
    for (String user : OTHERS.keySet()) {
      if (!user.equals("acces-animateur")) {
        assertThat(deploy(user).getStatusCode().value()).as(user).isEqualTo(403);
      }
    }
    assertThat(deploy(IN_CHARGE).getStatusCode().value()).isEqualTo(403);
    assertThat(deploy(FLUX).getStatusCode().value()).isEqualTo(403);
  }

  @Test
  void whoReadOrChangedAParcoursIsAnswered() throws Exception {
    Parcours parcours = enter("Maelle", "Tracabilite", "4666666");
    get(IN_CHARGE, "/engine-rest/task/" + parcours.task + "/variables");
    get(IN_CHARGE, "/engine-rest/task/" + parcours.task + "/variables/personLastName");
    // lists and history over many parcours: each parcours they answer is on record
    get(IN_CHARGE, "/engine-rest/history/variable-instance?maxResults=3000");
    post(IN_CHARGE, "/engine-rest/history/variable-instance?maxResults=3000", Map.of());
    get(IN_CHARGE, "/engine-rest/task");
    post(IN_CHARGE, "/engine-rest/task/" + parcours.task + "/claim", Map.of("userId", IN_CHARGE));

    JsonNode audit = json.readTree(get(ADMIN, "/api/parcours/" + parcours.id + "/audit").getBody());

    List<String> accesses = new ArrayList<>();
    audit.get("accesses").forEach(entry -> accesses.add(entry.get("userId").asText() + " " + entry.get("action").asText()
        + " " + entry.get("detail").asText()));
    assertThat(accesses).contains(FLUX + " STARTED POST /api/parcours",
        IN_CHARGE + " READ GET /engine-rest/task/" + parcours.task + "/variables",
        IN_CHARGE + " READ GET /engine-rest/task/" + parcours.task + "/variables/personLastName",
        IN_CHARGE + " READ GET /engine-rest/history/variable-instance?maxResults=3000",
        IN_CHARGE + " READ POST /engine-rest/history/variable-instance?maxResults=3000",
        IN_CHARGE + " READ GET /engine-rest/task");
    assertThat(audit.get("changes").findValuesAsText("operation")).contains("Claim");
    assertThat(audit.get("changes").findValuesAsText("userId")).contains(IN_CHARGE);
  }

  @Test
  void anErasedParcoursLeavesNothingOfThePersonInAnyTable() throws Exception {
    Parcours parcours = enter("Zoe", "Oubliable", "4888888");
    get(IN_CHARGE, "/engine-rest/task/" + parcours.task + "/variables");
    post(IN_CHARGE, "/engine-rest/task/" + parcours.task + "/claim", Map.of("userId", IN_CHARGE));
    List<String> traces = List.of("Oubliable", "zoe.oubliable@exemple.example", parcours.id, parcours.root, parcours.task);
    assertThat(rowsHolding(traces)).isNotEmpty();

    assertThat(http.withBasicAuth(ADMIN, PASSWORD).exchange("/api/parcours/" + parcours.id, HttpMethod.DELETE, null, String.class)
        .getStatusCode().value()).isEqualTo(204);

    assertThat(rowsHolding(traces)).isEmpty();
    assertThat(http.withBasicAuth(ADMIN, PASSWORD).exchange("/api/parcours/" + parcours.id, HttpMethod.DELETE, null, String.class)
        .getStatusCode().value()).isEqualTo(404);
    // the person may enter again
    assertThat(post(FLUX, "/api/parcours", person("Zoe", "Oubliable", "4888888")).getStatusCode().value()).isEqualTo(201);
  }

  /** Every row of every table of the schema that holds one of the traces, in any column, bytes included. */
  private List<String> rowsHolding(List<String> traces) {
    List<String> found = new ArrayList<>();
    for (String table : jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
        + " AND table_type = 'BASE TABLE'", String.class)) {
      jdbc.query("SELECT * FROM " + table, row -> {
        for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
          Object value = row.getObject(column);
          String text = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(value);
          traces.stream().filter(text::contains).forEach(trace -> found.add(table + ": " + trace));
        }
      });
    }
    return found;
  }

  private Parcours enter(String firstName, String lastName, String cafNumber) throws Exception {
    ResponseEntity<String> started = post(FLUX, "/api/parcours", person(firstName, lastName, cafNumber));
    assertThat(started.getStatusCode().value()).isEqualTo(201);
    JsonNode body = json.readTree(started.getBody());
    String id = body.get("parcoursId").asText();
    Task task = await().atMost(Duration.ofSeconds(30)).until(
        () -> taskService.createTaskQuery().processInstanceBusinessKey(id).singleResult(), found -> found != null);
    await().atMost(Duration.ofSeconds(30)).until(() -> managementService.createJobQuery().processInstanceId(task.getProcessInstanceId())
        .executable().count() == 0);
    return new Parcours(id, body.get("processInstanceId").asText(), task.getId());
  }

  private static Map<String, Object> person(String firstName, String lastName, String cafNumber) {
    return Map.of("entryChannel", "CAF", "person", Map.of("firstName", firstName, "lastName", lastName,
        "birthDate", "1990-02-03", "email", firstName.toLowerCase() + "." + lastName.toLowerCase() + "@exemple.example",
        "postcode", "84000", "cafNumber", cafNumber));
  }

  private ResponseEntity<String> deploy(String user) {
    String model = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            id="Definitions_Essai" targetNamespace="http://sans-couture.fr/bpmn">
          <bpmn:process id="essai-deploiement" isExecutable="true" camunda:historyTimeToLive="730">
            <bpmn:startEvent id="StartEvent_Essai" />
          </bpmn:process>
        </bpmn:definitions>
        """;
    return ModelerRequest.deploy(http, user, PASSWORD, "essai-" + user, Map.of("essai.bpmn", model.getBytes(StandardCharsets.UTF_8)));
  }

  private void assertDenied(String user, ResponseEntity<String> response) {
    assertThat(response.getStatusCode().is2xxSuccessful()).as(user + " " + response.getBody()).isFalse();
    assertThat(String.valueOf(response.getBody())).as(user).doesNotContain("Secretan");
  }

  private ResponseEntity<String> get(String user, String path) {
    return http.withBasicAuth(user, PASSWORD).getForEntity(path, String.class);
  }

  private ResponseEntity<String> post(String user, String path, Object body) {
    return http.withBasicAuth(user, PASSWORD).postForEntity(path, body, String.class);
  }

  private record Parcours(String id, String root, String task) {}
}
