package fr.sanscouture.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.sanscouture.PostgresIntegrationTest;
import fr.sanscouture.WebappSession;
import fr.sanscouture.reception.ReceptionProcess;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Who sees what, door by door: every role but the structure in charge, through every family of the
 * engine's REST API and of the webapps' that can answer a person's data (lists, counts, by id, history,
 * variable filters, sorting by a variable, identity links, form variables), learns nothing of a person
 * followed by another structure: no record, or a refusal.
 */
class AccessMatrixIntegrationTest extends PostgresIntegrationTest {

  private static final String LAST_NAME = "Matricielle";
  private static final String IN_CHARGE = "matrice-referent-avignon";
  private static final String RESPONSABLE_IN_CHARGE = "matrice-responsable-avignon";
  private static final String FLUX = "matrice-flux";
  /** One account per role, none of them of the structure in charge (the Département, Grand Avignon). */
  private static final Map<String, String[]> OTHERS = Map.of(
      "matrice-referent-orange", new String[] {"role-referent", "structure-ft-orange", "bassin-haut-vaucluse"},
      "matrice-responsable-orange", new String[] {"role-responsable", "structure-ft-orange", "bassin-haut-vaucluse"},
      "matrice-partenaire", new String[] {"role-partenaire", "structure-ccas-avignon", "bassin-grand-avignon"},
      "matrice-charge-orientation", new String[] {"role-charge-orientation"},
      "matrice-animateur", new String[] {"role-animateur", "bassin-grand-avignon"},
      "matrice-pilote", new String[] {"role-pilote"},
      "matrice-direction", new String[] {"role-direction"},
      "matrice-supervision", new String[] {"role-supervision"});
  private static final List<String> MONITORS = List.of("matrice-animateur", "matrice-pilote", "matrice-direction");

  /** The person's parcours, entered once for the whole class. */
  private static Parcours parcours;

  @Autowired TestRestTemplate http;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @LocalServerPort int port;
  private final ObjectMapper json = new ObjectMapper();

  /** What an answer may say: a list holds no record of the person; a count counts none. */
  enum Kind { LIST, COUNT }

  /** A door: a request that could answer the person's data. */
  record Door(String name, HttpMethod method, String path, String body, Kind kind) {
    @Override
    public String toString() {
      return name;
    }
  }

  @BeforeEach
  void personFollowedByTheDepartementOfGrandAvignon() throws Exception {
    account(IN_CHARGE, "role-referent", "structure-dept-grand-avignon", "bassin-grand-avignon");
    account(RESPONSABLE_IN_CHARGE, "role-responsable", "structure-dept-grand-avignon", "bassin-grand-avignon");
    account(FLUX, "role-flux-partenaire");
    OTHERS.forEach(this::account);
    if (parcours == null) {
      parcours = enter();
    }
  }

  static Stream<Arguments> matrix() {
    List<String> callers = new ArrayList<>(OTHERS.keySet());
    callers.add(FLUX);
    return callers.stream().sorted().flatMap(caller -> doors().stream().map(door -> Arguments.of(caller, door)));
  }

  /** The doors, with {@code {task}} and {@code {root}} for the parcours' task and root instance. */
  static List<Door> doors() {
    String name = "personLastName_eq_" + LAST_NAME;
    String like = "personLastName_like_Matri%25";
    String byName = "{\"variables\":[{\"name\":\"personLastName\",\"operator\":\"eq\",\"value\":\"" + LAST_NAME + "\"}]}";
    return List.of(
        new Door("instances filtered by a variable", HttpMethod.GET, "/engine-rest/process-instance?variables=" + like, null, Kind.LIST),
        new Door("count of instances filtered by a variable", HttpMethod.GET, "/engine-rest/process-instance/count?variables=" + like, null, Kind.COUNT),
        new Door("instances filtered by a variable (POST)", HttpMethod.POST, "/engine-rest/process-instance", byName, Kind.LIST),
        new Door("count of instances filtered by a variable (POST)", HttpMethod.POST, "/engine-rest/process-instance/count", byName, Kind.COUNT),
        new Door("instances sorted by a variable", HttpMethod.POST, "/engine-rest/process-instance",
            "{\"sorting\":[{\"sortBy\":\"businessKey\",\"sortOrder\":\"asc\"}],\"orQueries\":[{\"variables\":[{\"name\":\"personLastName\",\"operator\":\"like\",\"value\":\"Matri%\"}]}]}", Kind.LIST),
        new Door("executions filtered by a variable", HttpMethod.GET, "/engine-rest/execution?variables=" + name, null, Kind.LIST),
        new Door("count of executions filtered by a variable", HttpMethod.GET, "/engine-rest/execution/count?variables=" + name, null, Kind.COUNT),
        new Door("executions filtered by a variable (POST)", HttpMethod.POST, "/engine-rest/execution/count", byName, Kind.COUNT),
        new Door("history of instances filtered by a variable", HttpMethod.GET, "/engine-rest/history/process-instance/count?variables=" + name, null, Kind.COUNT),
        new Door("history of tasks filtered by a variable", HttpMethod.GET, "/engine-rest/history/task/count?processVariables=" + name, null, Kind.COUNT),
        new Door("tasks filtered by a variable", HttpMethod.GET, "/engine-rest/task/count?processVariables=" + name, null, Kind.COUNT),
        new Door("tasks sorted by a variable", HttpMethod.POST, "/engine-rest/task",
            "{\"sorting\":[{\"sortBy\":\"processVariable\",\"sortOrder\":\"asc\",\"parameters\":{\"variable\":\"personLastName\",\"type\":\"String\"}}]}", Kind.LIST),
        new Door("tasks", HttpMethod.GET, "/engine-rest/task", null, Kind.LIST),
        new Door("count of tasks", HttpMethod.GET, "/engine-rest/task/count?processInstanceBusinessKey={parcours}", null, Kind.COUNT),
        new Door("task by id", HttpMethod.GET, "/engine-rest/task/{task}", null, Kind.LIST),
        new Door("task's variables", HttpMethod.GET, "/engine-rest/task/{task}/variables", null, Kind.LIST),
        new Door("task's form variables", HttpMethod.GET, "/engine-rest/task/{task}/form-variables", null, Kind.LIST),
        new Door("variables filtered by value", HttpMethod.GET, "/engine-rest/variable-instance?variableValues=" + name, null, Kind.LIST),
        new Door("variables in bulk", HttpMethod.GET, "/engine-rest/variable-instance?maxResults=3000", null, Kind.LIST),
        new Door("instance's variables", HttpMethod.GET, "/engine-rest/process-instance/{root}/variables", null, Kind.LIST),
        new Door("execution's variables", HttpMethod.GET, "/engine-rest/execution/{root}/localVariables", null, Kind.LIST),
        new Door("history of variables in bulk", HttpMethod.GET, "/engine-rest/history/variable-instance?maxResults=3000", null, Kind.LIST),
        new Door("history of variables in bulk (POST)", HttpMethod.POST, "/engine-rest/history/variable-instance?maxResults=3000", "{}", Kind.LIST),
        new Door("history of variables by value", HttpMethod.GET,
            "/engine-rest/history/variable-instance?variableName=personLastName&variableValue=" + LAST_NAME, null, Kind.LIST),
        new Door("history of the parcours", HttpMethod.GET, "/engine-rest/history/process-instance?processInstanceBusinessKey={parcours}", null, Kind.LIST),
        new Door("history of tasks", HttpMethod.GET, "/engine-rest/history/task?processInstanceBusinessKey={parcours}", null, Kind.LIST),
        new Door("history of details", HttpMethod.GET, "/engine-rest/history/detail?processInstanceId={root}", null, Kind.LIST),
        new Door("history of decisions", HttpMethod.GET, "/engine-rest/history/decision-instance?includeInputs=true&includeOutputs=true&processInstanceId={root}", null, Kind.LIST),
        new Door("history of the task's identity links", HttpMethod.GET, "/engine-rest/history/identity-link-log?taskId={task}", null, Kind.LIST),
        new Door("webapp: instances filtered by a variable", HttpMethod.GET,
            "/camunda/api/engine/engine/default/process-instance/count?variables=" + like, null, Kind.COUNT),
        new Door("webapp: task's form variables", HttpMethod.GET, "/camunda/api/engine/engine/default/task/{task}/form-variables", null, Kind.LIST),
        new Door("webapp: Cockpit's search of instances by a variable", HttpMethod.POST,
            "/camunda/api/cockpit/plugin/base/default/process-instance/count", byName, Kind.COUNT));
  }

  @ParameterizedTest(name = "{0} × {1}")
  @MethodSource("matrix")
  void nobodyButTheStructureInChargeLearnsAnythingOfThePerson(String caller, Door door) throws Exception {
    Answer answer = door.path().startsWith("/camunda/") ? throughWebapp(caller, door) : throughRest(caller, door);

    if (answer.status() >= 200 && answer.status() < 300) {
      String body = answer.body();
      if (door.kind() == Kind.COUNT) {
        assertThat(json.readTree(body).path("count").asLong()).as(caller + " " + door + ": " + body).isZero();
      } else {
        assertThat(body).as(caller + " " + door).doesNotContain(LAST_NAME, parcours.root(), parcours.task());
      }
    } else {
      assertThat(answer.status()).as(caller + " " + door + ": " + answer.body()).isBetween(400, 499);
    }
  }

  @Test
  void theStructureInChargeWorksItsTasksAndMayFilterThemByVariable() {
    assertThat(rest(IN_CHARGE, HttpMethod.GET, "/engine-rest/task?processVariables=personLastName_eq_" + LAST_NAME, null).getBody())
        .contains(parcours.task());
    assertThat(rest(IN_CHARGE, HttpMethod.GET, "/engine-rest/task/" + parcours.task() + "/form-variables", null).getBody())
        .contains(LAST_NAME);
    // a form's submission carries variables to set, no search: the application answers it
    ResponseEntity<String> past = rest(IN_CHARGE, HttpMethod.POST, "/engine-rest/task/" + parcours.task() + "/submit-form",
        "{\"variables\":{\"" + ReceptionProcess.APPOINTMENT.getName() + "\":{\"value\":\"2020-01-06T10:00+01:00\",\"type\":\"String\"}}}");
    assertThat(past.getBody()).contains("Le rendez-vous d'accueil doit être à venir").doesNotContain("ne peut pas porter");
    // but instances are not searched by a person's data, not even by the structure in charge
    ResponseEntity<String> search = rest(IN_CHARGE, HttpMethod.GET, "/engine-rest/process-instance?variables=personLastName_like_Matri%25", null);
    assertThat(search.getStatusCode().value()).isEqualTo(403);
    assertThat(search.getBody()).contains("ne peut pas porter sur les données des personnes");
  }

  @Test
  void theStructureInChargeReadsItsTaskThroughTasklist() throws Exception {
    // the webapp rows of the matrix mean something only if a Tasklist session reads what it may
    Door form = new Door("webapp: task's form variables", HttpMethod.GET,
        "/camunda/api/engine/engine/default/task/{task}/form-variables", null, Kind.LIST);

    Door count = new Door("webapp: count of the parcours' tasks", HttpMethod.POST,
        "/camunda/api/engine/engine/default/task/count", "{\"processInstanceBusinessKey\":\"" + parcours.id() + "\"}", Kind.COUNT);

    Answer answer = throughWebapp(IN_CHARGE, form);
    Answer counted = throughWebapp(IN_CHARGE, count);

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.body()).contains(LAST_NAME);
    // a POST too: it carries the session's CSRF token
    assertThat(counted.status()).as(counted.body()).isEqualTo(200);
    assertThat(json.readTree(counted.body()).path("count").asLong()).isEqualTo(1);
  }

  @Test
  void nobodyOffersATaskToAnotherStructure() {
    String links = "/engine-rest/task/" + parcours.task() + "/identity-links";

    ResponseEntity<String> added = rest(RESPONSABLE_IN_CHARGE, HttpMethod.POST, links,
        "{\"groupId\":\"structure-ft-orange\",\"type\":\"candidate\"}");
    ResponseEntity<String> removed = rest(RESPONSABLE_IN_CHARGE, HttpMethod.POST, links + "/delete",
        "{\"groupId\":\"structure-dept-grand-avignon\",\"type\":\"candidate\"}");
    ResponseEntity<String> owner = rest(RESPONSABLE_IN_CHARGE, HttpMethod.PUT, "/engine-rest/task/" + parcours.task(),
        "{\"name\":\"Planifier l'accueil\",\"owner\":\"matrice-referent-orange\"}");

    assertThat(added.getStatusCode().value()).isEqualTo(403);
    assertThat(added.getBody()).contains("fixées par le modèle du parcours");
    assertThat(removed.getStatusCode().value()).isEqualTo(403);
    assertThat(owner.getStatusCode().value()).isEqualTo(403);
    assertThat(taskService.getIdentityLinksForTask(parcours.task())).extracting(link -> link.getGroupId())
        .doesNotContain("structure-ft-orange").contains("structure-dept-grand-avignon");
    assertThat(rest("matrice-referent-orange", HttpMethod.GET, "/engine-rest/task/" + parcours.task() + "/variables", null)
        .getStatusCode().is2xxSuccessful()).isFalse();
  }

  @Test
  void aResponsableGivesTheTasksOfTheirOwnStructureOnly() {
    String assignee = "/engine-rest/task/" + parcours.task() + "/assignee";

    // a member of the structure the task is offered to: the assignment's own rule would let it through
    ResponseEntity<String> outsider = rest("matrice-responsable-orange", HttpMethod.POST, assignee, "{\"userId\":\"" + IN_CHARGE + "\"}");
    ResponseEntity<String> delegated = rest("matrice-responsable-orange", HttpMethod.POST, "/engine-rest/task/" + parcours.task() + "/delegate",
        "{\"userId\":\"" + IN_CHARGE + "\"}");

    assertThat(outsider.getStatusCode().value()).isEqualTo(403);
    assertThat(outsider.getBody()).contains("confiées à votre structure");
    assertThat(delegated.getStatusCode().value()).isEqualTo(403);
    assertThat(taskService.createTaskQuery().taskId(parcours.task()).singleResult().getAssignee()).isNull();
  }

  private Answer throughRest(String caller, Door door) {
    ResponseEntity<String> response = rest(caller, door.method(), resolve(door.path()), door.body());
    return new Answer(response.getStatusCode().value(), String.valueOf(response.getBody()));
  }

  private Answer throughWebapp(String caller, Door door) throws Exception {
    WebappSession session = new WebappSession("http://localhost:" + port);
    int login = session.login(MONITORS.contains(caller) ? "cockpit" : "tasklist", caller, PASSWORD);
    if (login >= 400) {
      // no webapp for this role: nothing to learn through it
      return new Answer(login, "");
    }
    var response = session.send(door.method().name(), resolve(door.path()), door.body());
    return new Answer(response.statusCode(), response.body());
  }

  private ResponseEntity<String> rest(String caller, HttpMethod method, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    return http.withBasicAuth(caller, PASSWORD).exchange(URI.create(path), method, new HttpEntity<>(body, headers), String.class);
  }

  private static String resolve(String path) {
    return path.replace("{task}", parcours.task()).replace("{root}", parcours.root()).replace("{parcours}", parcours.id());
  }

  private Parcours enter() throws Exception {
    Map<String, Object> person = Map.of("entryChannel", "CAF", "person", Map.of("firstName", "Mona", "lastName", LAST_NAME,
        "birthDate", "1990-02-03", "email", "mona.matricielle@exemple.example", "postcode", "84000", "cafNumber", "4999999"));
    ResponseEntity<String> started = http.withBasicAuth(FLUX, PASSWORD).postForEntity("/api/parcours", person, String.class);
    assertThat(started.getStatusCode().value()).isEqualTo(201);
    JsonNode body = json.readTree(started.getBody());
    String id = body.get("parcoursId").asText();
    Task task = await().atMost(Duration.ofSeconds(30)).until(
        () -> taskService.createTaskQuery().processInstanceBusinessKey(id).singleResult(), found -> found != null);
    await().atMost(Duration.ofSeconds(30)).until(() -> managementService.createJobQuery().processInstanceId(task.getProcessInstanceId())
        .executable().count() == 0);
    return new Parcours(id, body.get("processInstanceId").asText(), task.getId());
  }

  private record Parcours(String id, String root, String task) {}

  private record Answer(int status, String body) {}
}
