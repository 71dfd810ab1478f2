package fr.sanscouture.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.sanscouture.WebappSession;
import fr.sanscouture.privacy.AuditLog;
import fr.sanscouture.identity.Role;
import fr.sanscouture.parcours.ParcoursProcess;
import fr.sanscouture.contract.EngagementContractProcess;
import fr.sanscouture.diagnostic.DiagnosticProcess;
import fr.sanscouture.escalation.EscalationProcess;
import fr.sanscouture.followup.FollowUpProcess;
import fr.sanscouture.orientation.OrientationProcess;
import fr.sanscouture.reception.ReceptionProcess;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.TestSocketUtils;

/** The embedded default (no profile): demo territory, demo parcours, captured mail, webapp login. */
@Tag("embedded-default")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.datasource.url=jdbc:h2:mem:demo-data-test;DB_CLOSE_DELAY=-1")
class DemoDataTest {

  private static final String DEMO_PASSWORD = "Demo-2026!";

  @Autowired DemoDataLoader loader;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired TestRestTemplate http;
  @Autowired AuditLog auditLog;
  @LocalServerPort int port;
  private final ObjectMapper json = new ObjectMapper();

  private static final int CAPTURED_MAIL_PORT = TestSocketUtils.findAvailableTcpPort();

  @DynamicPropertySource
  static void capturedMailPort(DynamicPropertyRegistry registry) {
    registry.add("sans-couture.captured-mail.port", () -> CAPTURED_MAIL_PORT);
  }

  @Test
  void everyRoleHasADemoAccountWithAFrenchNameAndAnAddress() {
    for (Role role : Role.values()) {
      List<User> members = identityService.createUserQuery().memberOfGroup(role.groupId()).list();
      assertThat(members).as(role.name()).isNotEmpty()
          .allSatisfy(user -> assertThat(user.getEmail()).contains("@"));
    }
    List<User> referents = identityService.createUserQuery().memberOfGroup(Role.REFERENT.groupId()).list();
    assertThat(referents.stream().map(user -> structureOf(user.getId())).distinct()).hasSizeGreaterThanOrEqualTo(4);
    assertThat(identityService.createUserQuery().userId("admin").memberOfGroup("camunda-admin").count()).isOne();
    assertThat(identityService.createUserQuery().userId("helene.bonnet").singleResult().getFirstName()).isEqualTo("Hélène");
  }

  @Test
  void theDemoHoldsParcoursAtEveryStageEachInTheHandsOfSomeone() {
    assertThat(waitingAt(ReceptionProcess.Elements.PLAN_APPOINTMENT)).hasSize(5);
    assertThat(waitingAt(ReceptionProcess.Elements.HOLD_RECEPTION)).extracting(Task::getName)
        .containsExactly("Accueil – Jérôme Lefèvre");
    assertThat(waitingAt(DiagnosticProcess.Elements.RECORD_DIAGNOSTIC)).extracting(Task::getName)
        .containsExactly("Diagnostic – Léa Chevalier");
    assertThat(waitingAt(OrientationProcess.Elements.CONFIRM_ORIENTATION)).extracting(Task::getName)
        .containsExactlyInAnyOrder("Orientation – Kevin Morel", "Orientation – Manon Gauthier");
    assertThat(waitingAt(EngagementContractProcess.Elements.SIGN_CONTRACT)).singleElement()
        .satisfies(task -> assertThat(task.getAssignee()).isEqualTo("sophie.roux"));
    assertThat(waitingAt(FollowUpProcess.Elements.HOLD_MILESTONE)).singleElement()
        .satisfies(task -> assertThat(task.getAssignee()).isEqualTo("karim.benali"));
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(ParcoursProcess.KEY)
        .finished().singleResult().getEndActivityId()).isEqualTo(ParcoursProcess.Elements.EXITED);

    for (Task task : taskService.createTaskQuery().list()) {
      long holders = task.getAssignee() != null ? 1 : taskService.getIdentityLinksForTask(task.getId()).stream()
          .mapToLong(link -> link.getUserId() != null ? 1 : identityService.createUserQuery().memberOfGroup(link.getGroupId()).count())
          .sum();
      assertThat(holders).as(task.getName()).isPositive();
    }
  }

  @Test
  void theLateDemoParcoursAreEscalatedOnceTheJobExecutorRuns() throws Exception {
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      assertThat(taskService.createTaskQuery().taskDefinitionKey(EscalationProcess.Elements.HANDLE)
          .taskCandidateUser("anne.petit").list()).extracting(Task::getName)
          .containsExactly("Retard – Planifier l'accueil – Yannick Bertrand");
      assertThat(taskService.createTaskQuery().taskDefinitionKey(EscalationProcess.Elements.HANDLE)
          .taskCandidateUser("franck.michel").list()).extracting(Task::getName)
          .containsExactly("Retard – Orientation – Manon Gauthier");
    });
    WebappSession tasklist = new WebappSession("http://localhost:" + port);
    assertThat(tasklist.login("tasklist", "anne.petit", DEMO_PASSWORD)).isEqualTo(200);
    assertThat(json.readTree(tasklist.get("/camunda/api/engine/engine/default/filter/"
        + filterId(tasklist, "Escalades et décisions") + "/list").body())
        .findValuesAsText("name")).containsExactly("Retard – Planifier l'accueil – Yannick Bertrand");
    String mailbox = http.withBasicAuth("admin", DEMO_PASSWORD).getForObject("/mailbox", String.class);
    assertThat(mailbox).contains("Retard – parcours", "Rappel : tâche à traiter – parcours", "anne.petit@vaucluse.example");
  }

  @Test
  void loadingAgainAddsNothing() {
    long users = identityService.createUserQuery().count();
    long parcours = runtimeService.createProcessInstanceQuery().processDefinitionKey(ParcoursProcess.KEY).count();

    loader.loadOnce();

    assertThat(identityService.createUserQuery().count()).isEqualTo(users);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ParcoursProcess.KEY).count())
        .isEqualTo(parcours);
  }

  @Test
  void theMailboxIsForAnAdministratorOnly() {
    assertThat(http.getForEntity("/mailbox", String.class).getStatusCode().value()).isEqualTo(401);
    ResponseEntity<String> referent = http.withBasicAuth("claire.martin", DEMO_PASSWORD).getForEntity("/mailbox", String.class);
    assertThat(referent.getStatusCode().value()).isEqualTo(403);
    assertThat(referent.getBody()).doesNotContain("amina.diallo");
  }

  @Test
  void theMailboxPageShowsTheCapturedInvitations() {
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      String page = http.withBasicAuth("admin", DEMO_PASSWORD).getForObject("/mailbox", String.class);
      assertThat(page).contains("Courriels envoyés", "amina.diallo@exemple.example");
      assertThat(page.split("Votre accueil dans le Réseau pour l&#39;emploi", -1)).hasSizeGreaterThan(8);
    });
  }

  @Test
  void aReferentLogsIntoTasklistAndSeesTheDemoTasksOfTheirStructureOnly() throws Exception {
    WebappSession tasklist = new WebappSession("http://localhost:" + port);
    assertThat(tasklist.get("/camunda/api/engine/engine/default/task").statusCode()).isEqualTo(401);

    assertThat(tasklist.login("tasklist", "claire.martin", DEMO_PASSWORD)).isEqualTo(200);

    JsonNode tasks = json.readTree(tasklist.get("/camunda/api/engine/engine/default/task").body());
    assertThat(tasks.findValuesAsText("name")).containsExactlyInAnyOrder(
        "Planifier l'accueil – Amina Diallo", "Planifier l'accueil – Yannick Bertrand");
    assertThat(json.readTree(tasklist.get("/camunda/api/engine/engine/default/filter/" + filterId(tasklist, "En retard") + "/list")
        .body()).findValuesAsText("name")).containsExactly("Planifier l'accueil – Yannick Bertrand");
    assertThat(tasks.findValuesAsText("taskDefinitionKey")).containsOnly(ReceptionProcess.Elements.PLAN_APPOINTMENT);

    // opening a task's form is a read of the person's parcours, on record
    JsonNode opened = tasks.get(0);
    assertThat(tasklist.get("/camunda/api/engine/engine/default/task/" + opened.get("id").asText() + "/form-variables").statusCode())
        .isEqualTo(200);
    String parcoursId = historyService.createHistoricProcessInstanceQuery()
        .processInstanceId(opened.get("processInstanceId").asText()).singleResult().getBusinessKey();
    assertThat(auditLog.of(parcoursId)).anySatisfy(entry -> {
      assertThat(entry.userId()).isEqualTo("claire.martin");
      assertThat(entry.action()).isEqualTo("READ");
      assertThat(entry.detail()).endsWith("/task/" + opened.get("id").asText() + "/form-variables");
    });
  }

  @Test
  void theParcoursTimelineBesideATaskIsReadByThoseWhoSeeTheTaskOnly() throws Exception {
    Task planning = taskService.createTaskQuery().taskName("Planifier l'accueil – Amina Diallo").singleResult();
    String timeline = "/camunda/api/tasklist/plugin/parcours-timeline/default/task/" + planning.getId();
    assertThat(new WebappSession("http://localhost:" + port).get(timeline).statusCode()).isEqualTo(401);

    WebappSession referent = new WebappSession("http://localhost:" + port);
    assertThat(referent.login("tasklist", "claire.martin", DEMO_PASSWORD)).isEqualTo(200);
    assertThat(referent.get("/camunda/api/tasklist/plugin/parcours-timeline/static/app/plugin.js").body())
        .contains("tasklist.task.detail");
    JsonNode read = json.readTree(referent.get(timeline).body());
    assertThat(read.get("person").asText()).isEqualTo("Amina Diallo");
    assertThat(read.get("organisationInCharge").asText()).isEqualTo("Département de Vaucluse – Grand Avignon");
    assertThat(read.get("steps").findValuesAsText("name")).containsExactly("Accueil", "Planifier l'accueil – Amina Diallo");
    assertThat(read.get("steps").get(1).get("organisation").asText()).isEqualTo("Département de Vaucluse – Grand Avignon");
    String parcoursId = read.get("parcoursId").asText();
    assertThat(auditLog.of(parcoursId)).anySatisfy(entry -> {
      assertThat(entry.userId()).isEqualTo("claire.martin");
      assertThat(entry.detail()).endsWith("/parcours-timeline/default/task/" + planning.getId());
    });

    // a référent of another structure does not see the task, nor its parcours
    WebappSession other = new WebappSession("http://localhost:" + port);
    assertThat(other.login("tasklist", "karim.benali", DEMO_PASSWORD)).isEqualTo(200);
    assertThat(other.get(timeline).statusCode()).isEqualTo(404);
    assertThat(auditLog.of(parcoursId)).noneMatch(entry -> entry.userId().equals("karim.benali"));
  }

  @Test
  void theChargeeDOrientationAndTheAnimateurOpenTheTimelineBesideTheirOwnTasks() throws Exception {
    Task orientation = taskService.createTaskQuery().taskName("Orientation – Kevin Morel").singleResult();
    WebappSession chargee = new WebappSession("http://localhost:" + port);
    assertThat(chargee.login("tasklist", "helene.bonnet", DEMO_PASSWORD)).isEqualTo(200);
    HttpResponse<String> besideOrientation = chargee.get("/camunda/api/tasklist/plugin/parcours-timeline/default/task/" + orientation.getId());
    assertThat(besideOrientation.statusCode()).as(besideOrientation.body()).isEqualTo(200);
    assertThat(json.readTree(besideOrientation.body()).get("steps").findValuesAsText("name")).contains("Orientation – Kevin Morel");

    Task escalation = await().atMost(Duration.ofSeconds(60)).until(() -> taskService.createTaskQuery()
        .taskDefinitionKey(EscalationProcess.Elements.HANDLE).taskCandidateUser("franck.michel").singleResult(), java.util.Objects::nonNull);
    WebappSession animateur = new WebappSession("http://localhost:" + port);
    assertThat(animateur.login("tasklist", "franck.michel", DEMO_PASSWORD)).isEqualTo(200);
    HttpResponse<String> besideEscalation = animateur.get("/camunda/api/tasklist/plugin/parcours-timeline/default/task/" + escalation.getId());
    assertThat(besideEscalation.statusCode()).as(besideEscalation.body()).isEqualTo(200);
    // the parcours is not the animateur's to read: its person's name is not given
    assertThat(json.readTree(besideEscalation.body()).path("person").isMissingNode()
        || json.readTree(besideEscalation.body()).get("person").isNull()).as(besideEscalation.body()).isTrue();
  }

  @Test
  void aPiloteLogsIntoCockpitAndSeesTheRunningParcours() throws Exception {
    WebappSession cockpit = new WebappSession("http://localhost:" + port);

    assertThat(cockpit.login("cockpit", "sylvie.fontaine", DEMO_PASSWORD)).isEqualTo(200);

    JsonNode instances = json.readTree(cockpit.get("/camunda/api/engine/engine/default/process-instance/count?processDefinitionKey=" + ParcoursProcess.KEY).body());
    assertThat(instances.get("count").asLong()).isEqualTo(11);
  }

  @Test
  void aPiloteReadsTheSlaFiguresOfTheCockpitDashboardPerBassinAndStructure() throws Exception {
    WebappSession anonymous = new WebappSession("http://localhost:" + port);
    assertThat(anonymous.get("/camunda/api/cockpit/plugin/sla-dashboard/default/figures").statusCode()).isEqualTo(401);
    WebappSession cockpit = new WebappSession("http://localhost:" + port);
    assertThat(cockpit.login("cockpit", "sylvie.fontaine", DEMO_PASSWORD)).isEqualTo(200);
    assertThat(cockpit.get("/camunda/api/cockpit/plugin/sla-dashboard/static/app/plugin.js").body())
        .contains("pluginPoint: 'cockpit.dashboard'", "Délais du parcours");

    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      JsonNode report = json.readTree(cockpit.get("/camunda/api/cockpit/plugin/sla-dashboard/default/figures").body());
      JsonNode avignon = row(report, "BASSIN", "grand-avignon");
      assertThat(avignon.get("parcoursEntered").asInt()).isEqualTo(6);
      assertThat(avignon.get("overdueTasks").asInt()).isEqualTo(1);
      assertThat(avignon.get("openEscalations").asInt()).isEqualTo(1);
      assertThat(avignon.get("receptionsWithinAMonth").get("total").asInt()).isEqualTo(3);
      assertThat(row(report, "STRUCTURE", "dept-grand-avignon").get("overdueTasks").asInt()).isEqualTo(1);
    });
    assertThat(cockpit.get("/camunda/api/cockpit/plugin/sla-dashboard/default/figures?from=hier").statusCode()).isEqualTo(400);
  }

  private String filterId(WebappSession tasklist, String name) throws Exception {
    for (JsonNode filter : json.readTree(tasklist.get("/camunda/api/engine/engine/default/filter").body())) {
      if (filter.get("name").asText().equals(name)) {
        return filter.get("id").asText();
      }
    }
    throw new AssertionError("No filter " + name);
  }

  private static JsonNode row(JsonNode report, String scope, String code) {
    for (JsonNode row : report.get("rows")) {
      if (row.get("scope").asText().equals(scope) && row.get("code").asText().equals(code)) {
        return row;
      }
    }
    throw new AssertionError("No row " + scope + " " + code);
  }

  @Test
  void theDirectionReadsTheSlaDashboardToo() throws Exception {
    WebappSession cockpit = new WebappSession("http://localhost:" + port);

    assertThat(cockpit.login("cockpit", "isabelle.renard", DEMO_PASSWORD)).isEqualTo(200);
    assertThat(cockpit.get("/camunda/api/cockpit/plugin/sla-dashboard/default/figures").statusCode()).isEqualTo(200);
  }

  @Test
  void aReferentHasNoAccessToCockpitNorToItsDashboard() throws Exception {
    assertThat(new WebappSession("http://localhost:" + port).login("cockpit", "karim.benali", DEMO_PASSWORD)).isEqualTo(403);
    WebappSession tasklist = new WebappSession("http://localhost:" + port);
    assertThat(tasklist.login("tasklist", "karim.benali", DEMO_PASSWORD)).isEqualTo(200);
    assertThat(tasklist.get("/camunda/api/cockpit/plugin/sla-dashboard/default/figures").statusCode()).isEqualTo(403);
  }

  private List<Task> waitingAt(String taskDefinitionKey) {
    return taskService.createTaskQuery().taskDefinitionKey(taskDefinitionKey).list();
  }

  private String structureOf(String userId) {
    return identityService.createGroupQuery().groupMember(userId).groupType(Role.STRUCTURE_GROUP_TYPE).list().stream()
        .map(Group::getId).findFirst().orElse("none");
  }
}
