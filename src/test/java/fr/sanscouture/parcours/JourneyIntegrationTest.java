package fr.sanscouture.parcours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.sanscouture.PostgresIntegrationTest;
import fr.sanscouture.Steps;
import fr.sanscouture.contract.EngagementContractProcess;
import fr.sanscouture.diagnostic.DiagnosticProcess;
import fr.sanscouture.orientation.OrientationProcess;
import fr.sanscouture.reception.ReceptionProcess;
import fr.sanscouture.territory.Territory;
import java.time.Duration;
import java.time.OffsetDateTime;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Whole parcours on PostgreSQL with the job executor running, entered by the CAF's flow in Sud Vaucluse
 * and led by France Travail Cavaillon's référent: the steps as their users take them.
 */
public abstract class JourneyIntegrationTest extends PostgresIntegrationTest {

  protected static final String PARTNER = "journey-flux-caf";
  protected static final String REFERENT = "journey-referent";

  @Autowired protected TestRestTemplate http;
  @Autowired protected RuntimeService runtimeService;
  @Autowired protected TaskService taskService;
  @Autowired protected ManagementService managementService;
  @Autowired protected HistoryService historyService;
  @Autowired protected Territory territory;
  protected final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void accounts() {
    account(PARTNER, "role-flux-partenaire");
    account(REFERENT, "role-referent", "structure-ft-cavaillon", "bassin-sud-vaucluse");
  }

  /** Reception, diagnostic (ready for work), orientation confirmed, contract signed: the first milestone waits. */
  protected void toFollowUp(String parcoursId) {
    complete(parcoursId, ReceptionProcess.Elements.PLAN_APPOINTMENT, Map.of(
        ReceptionProcess.APPOINTMENT.getName(), OffsetDateTime.now().plusHours(1).toString(),
        ReceptionProcess.APPOINTMENT_PLACE.getName(), "Cavaillon"));
    complete(parcoursId, ReceptionProcess.Elements.HOLD_RECEPTION, Map.of(
        ReceptionProcess.RECEPTION_OUTCOME.getName(), "SEEN", ReceptionProcess.RECEPTION_DATE.getName(), today()));
    complete(parcoursId, DiagnosticProcess.Elements.RECORD_DIAGNOSTIC, Steps.diagnosis(true, Map.of()));
    complete(parcoursId, OrientationProcess.Elements.CONFIRM_ORIENTATION,
        Map.of(OrientationProcess.DECISION.getName(), OrientationProcess.CONFIRM));

    Task contract = awaitTask(parcoursId, EngagementContractProcess.Elements.SIGN_CONTRACT);
    assertThat(contract.getAssignee()).isEqualTo(REFERENT);
    complete(parcoursId, EngagementContractProcess.Elements.SIGN_CONTRACT, Variables.createVariables()
        .putValue(EngagementContractProcess.PLAN_ACTIONS, SpinValues.jsonValue("[\"JOB_SEARCH\"]").create())
        .putValue(EngagementContractProcess.WEEKLY_HOURS, 15L)
        .putValue(EngagementContractProcess.SIGNED_ON.getName(), today()));
  }

  protected String enter(String firstName, String lastName, String cafNumber) throws Exception {
    ResponseEntity<String> response = http.withBasicAuth(PARTNER, PASSWORD).postForEntity("/api/parcours", Map.of(
        "entryChannel", "CAF", "person", Map.of("firstName", firstName, "lastName", lastName, "birthDate", "1985-06-01",
            "email", cafNumber + "@exemple.example", "postcode", "84300", "cafNumber", cafNumber)), String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode body = json.readTree(response.getBody());
    return body.get("parcoursId").asText();
  }

  /** Completes the task once it is there, after the jobs already due (mails) have run. */
  protected void complete(String parcoursId, String taskDefinitionKey, Map<String, Object> variables) {
    Task task = awaitTask(parcoursId, taskDefinitionKey);
    settle(parcoursId);
    taskService.complete(task.getId(), variables);
  }

  protected Task awaitTask(String parcoursId, String taskDefinitionKey) {
    return await().atMost(Duration.ofSeconds(30)).until(() -> taskService.createTaskQuery()
        .processInstanceBusinessKey(parcoursId).taskDefinitionKey(taskDefinitionKey).singleResult(), task -> task != null);
  }

  /** Waits until the parcours has no async job left to run (timers excepted). */
  protected void settle(String parcoursId) {
    await().atMost(Duration.ofSeconds(30)).until(() -> instancesOf(parcoursId).stream()
        .allMatch(instance -> managementService.createJobQuery().processInstanceId(instance.getId()).messages().count() == 0));
  }

  protected List<ProcessInstance> instancesOf(String parcoursId) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(parcoursId).list();
  }

  protected String rootOf(String parcoursId) {
    return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(ParcoursProcess.KEY)
        .processInstanceBusinessKey(parcoursId).singleResult().getId();
  }

  protected String today() {
    return territory.today().toString();
  }
}
