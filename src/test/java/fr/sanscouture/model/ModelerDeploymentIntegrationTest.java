package fr.sanscouture.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.sanscouture.followup.FollowUpProcess;
import fr.sanscouture.parcours.JourneyIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.spring.boot.starter.SpringBootProcessApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.context.ApplicationContext;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/**
 * A coordinator changes the parcours in the Modeler and deploys it with the Modeler's own request: a
 * model the application cannot run is refused whole, naming its element; a sound one becomes the latest
 * version for new parcours, survives the application's restart, and running parcours keep their version
 * until the coordinator migrates them.
 */
class ModelerDeploymentIntegrationTest extends JourneyIntegrationTest {

  private static final String ANIMATEUR = "modeler-animateur";
  /** The name the guide gives coordinators for their deployments. */
  private static final String DEPLOYMENT_NAME = "sans-couture";
  /** The step the coordinator adds before each milestone. */
  private static final String PREPARE_MILESTONE = "Task_PrepareMilestone";
  private static final String PREPARATION_FORM = """
      {"id": "milestone-preparation", "type": "default", "schemaVersion": 16, "components": [
        {"id": "Textarea_Notes", "type": "textarea", "key": "preparationNotes", "label": "Ce que la personne a fait depuis le dernier point"}
      ]}
      """;

  @Autowired RepositoryService repositoryService;
  @Autowired SpringBootProcessApplication processApplication;
  @Autowired ApplicationContext context;

  private final List<String> parcoursToRemove = new ArrayList<>();
  private final List<String> deploymentsToRemove = new ArrayList<>();

  @BeforeEach
  void animateur() {
    account(ANIMATEUR, "role-animateur", "bassin-sud-vaucluse");
  }

  /** The parcours and versions of this test go, so that the other tests find the repository's models. */
  @AfterEach
  void removeWhatTheTestDeployed() {
    parcoursToRemove.forEach(parcoursId -> runtimeService.deleteProcessInstance(rootOf(parcoursId), "fin du test", true));
    deploymentsToRemove.forEach(id -> repositoryService.deleteDeployment(id, true, true));
  }

  @Test
  void theListenersOlderModelVersionsDeclareThemselvesAreStillBeans() {
    // versions deployed before EscalationPlugin and MilestonePlugin name them in their tasks
    assertThat(context.getBean("closeEscalationListener")).isInstanceOf(TaskListener.class);
    assertThat(context.getBean("milestoneHeldListener")).isInstanceOf(TaskListener.class);
  }

  @Test
  void aModelThatDoesNotParseIsRefusedWithItsPlaceAndNothingIsDeployed() throws Exception {
    long deployments = repositoryService.createDeploymentQuery().count();
    Map<String, byte[]> files = Workspace.byFileName();
    String model = new String(files.get("follow-up.bpmn"), StandardCharsets.UTF_8);
    files.put("follow-up.bpmn", model.replaceFirst("<bpmn:exclusiveGateway ", "<bpmn:exclusiveGateway unknown=\"1\" ")
        .getBytes(StandardCharsets.UTF_8));

    ResponseEntity<String> response = ModelerRequest.deploy(http, ANIMATEUR, PASSWORD, DEPLOYMENT_NAME, files);

    assertThat(response.getStatusCode().value()).isEqualTo(400);
    JsonNode body = json.readTree(response.getBody());
    assertThat(body.get("type").asText()).isEqualTo("ParseException");
    assertThat(body.at("/details/follow-up.bpmn/errors").size()).as(response.getBody()).isEqualTo(1);
    JsonNode error = body.get("details").get("follow-up.bpmn").get("errors").get(0);
    assertThat(error.get("message").asText()).contains("unknown");
    assertThat(error.get("line").asInt()).isPositive();
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
  }

  @Test
  void aModelBreakingTheContractIsRefusedNamingEachElementAndNothingIsDeployed() throws Exception {
    long deployments = repositoryService.createDeploymentQuery().count();
    ProcessDefinition latest = latestFollowUp();
    Map<String, byte[]> files = Workspace.byFileName();
    files.remove("milestone.form");
    files.put("follow-up.bpmn", Workspace.edit(files.get("follow-up.bpmn"),
        model -> model.<UserTask>getModelElementById(FollowUpProcess.Elements.HOLD_JOINT_REDIAGNOSIS).setCamundaDueDate(null)));

    ResponseEntity<String> response = ModelerRequest.deploy(http, ANIMATEUR, PASSWORD, DEPLOYMENT_NAME, files);

    assertThat(response.getStatusCode().value()).isEqualTo(400);
    JsonNode body = json.readTree(response.getBody());
    assertThat(body.get("message").asText()).startsWith("Déploiement refusé, les modèles ne respectent pas le contrat de l'application")
        .contains("follow-up.bpmn, Task_HoldJointRediagnosis : la tâche n'a pas d'échéance (camunda:dueDate)");
    List<String> elements = new ArrayList<>();
    body.get("details").get("follow-up.bpmn").get("errors").forEach(error -> elements.add(error.get("mainElementId").asText()));
    assertThat(elements).containsExactlyInAnyOrder(FollowUpProcess.Elements.HOLD_MILESTONE, FollowUpProcess.Elements.HOLD_JOINT_REDIAGNOSIS);
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(latestFollowUp().getId()).isEqualTo(latest.getId());
  }

  @Test
  void aNewMilestoneStepServesNewParcoursAndRunningOnesOnceMigrated() throws Exception {
    // given a parcours at its first milestone
    String running = enter("Rose", "Fabre", "5000101");
    parcoursToRemove.add(running);
    toFollowUp(running);
    awaitTask(running, FollowUpProcess.Elements.HOLD_MILESTONE);
    ProcessDefinition before = latestFollowUp();
    String runningFollowUp = followUpOf(running).getId();

    // when the coordinator deploys the parcours with a step that prepares each milestone
    ResponseEntity<String> deployed = ModelerRequest.deploy(http, ANIMATEUR, PASSWORD, DEPLOYMENT_NAME, withPreparationStep());
    assertThat(deployed.getStatusCode().value()).as(deployed.getBody()).isEqualTo(200);
    String deploymentId = json.readTree(deployed.getBody()).get("id").asText();
    deploymentsToRemove.add(deploymentId);

    // then it is the latest version, and the running parcours keeps its own
    ProcessDefinition after = latestFollowUp();
    assertThat(after.getDeploymentId()).isEqualTo(deploymentId);
    assertThat(after.getVersion()).isEqualTo(before.getVersion() + 1);
    assertThat(followUpOf(running).getProcessDefinitionId()).isEqualTo(before.getId());

    // the application restarts with its repository unchanged: the Modeler's version stays the latest
    processApplication.undeploy();
    processApplication.deploy();
    assertThat(latestFollowUp().getId()).isEqualTo(after.getId());

    // a new parcours takes the new step
    String fresh = enter("Noah", "Perrin", "5000102");
    parcoursToRemove.add(fresh);
    toFollowUp(fresh);
    assertThat(awaitTask(fresh, PREPARE_MILESTONE).getProcessDefinitionId()).isEqualTo(after.getId());

    // a plan that maps the milestone onto a gateway is invalid, and is refused without moving anything
    JsonNode plan = post(ANIMATEUR, "/engine-rest/migration/generate", Map.of("sourceProcessDefinitionId", before.getId(),
        "targetProcessDefinitionId", after.getId(), "updateEventTriggers", true));
    ObjectNode wrong = plan.deepCopy();
    ArrayNode instructions = (ArrayNode) wrong.get("instructions");
    instructions.forEach(instruction -> {
      if (instruction.get("sourceActivityIds").get(0).asText().equals(FollowUpProcess.Elements.HOLD_MILESTONE)) {
        ((ObjectNode) instruction).set("targetActivityIds", json.createArrayNode().add("Gateway_MilestoneKind"));
      }
    });
    JsonNode wrongReport = post(ANIMATEUR, "/engine-rest/migration/validate", wrong);
    assertThat(failures(wrongReport)).anySatisfy(failure -> assertThat(failure).contains(FollowUpProcess.Elements.HOLD_MILESTONE));
    assertThat(execute(ANIMATEUR, wrong, runningFollowUp).getStatusCode().value()).isEqualTo(400);
    assertThat(followUpOf(running).getProcessDefinitionId()).isEqualTo(before.getId());

    // the generated plan is valid; a référent may not run it, the coordinator does
    assertThat(failures(post(ANIMATEUR, "/engine-rest/migration/validate", plan))).isEmpty();
    assertThat(execute(REFERENT, plan, runningFollowUp).getStatusCode().value()).isEqualTo(403);
    assertThat(execute(ANIMATEUR, plan, runningFollowUp).getStatusCode().value()).isEqualTo(204);

    // the migrated parcours still waits at its milestone, and meets the new step at the next one
    assertThat(followUpOf(running).getProcessDefinitionId()).isEqualTo(after.getId());
    complete(running, FollowUpProcess.Elements.HOLD_MILESTONE, Map.of(
        FollowUpProcess.ACTIONS_PROGRESS.getName(), "Deux candidatures envoyées.",
        FollowUpProcess.DECISION.getName(), "CONTINUE"));
    assertThat(awaitTask(running, PREPARE_MILESTONE).getProcessDefinitionId()).isEqualTo(after.getId());
  }

  /** The whole workspace, with a user task « Préparer le point d'étape » before each milestone, and its form. */
  private static Map<String, byte[]> withPreparationStep() {
    Map<String, byte[]> files = Workspace.byFileName();
    files.put("milestone-preparation.form", PREPARATION_FORM.getBytes(StandardCharsets.UTF_8));
    files.put("follow-up.bpmn", Workspace.edit(files.get("follow-up.bpmn"), model -> {
      UserTask milestone = model.getModelElementById(FollowUpProcess.Elements.HOLD_MILESTONE);
      SequenceFlow toMilestone = milestone.getIncoming().iterator().next();
      UserTask prepare = model.newInstance(UserTask.class);
      prepare.setId(PREPARE_MILESTONE);
      prepare.setName("Préparer le point d'étape – ${personFirstName} ${personLastName}");
      prepare.setCamundaFormRef("milestone-preparation");
      prepare.setCamundaFormRefBinding("deployment");
      prepare.setCamundaAssignee("${leadReferent}");
      prepare.setCamundaCandidateGroups("${leadOrganisation}");
      prepare.setCamundaDueDate("P7D");
      milestone.getParentElement().addChildElement(prepare);
      SequenceFlow toPrepared = model.newInstance(SequenceFlow.class);
      toPrepared.setId("Flow_MilestonePrepared");
      milestone.getParentElement().addChildElement(toPrepared);
      toPrepared.setSource(prepare);
      toPrepared.setTarget(milestone);
      toMilestone.setTarget(prepare);
      milestone.getIncoming().remove(toMilestone);
      milestone.getIncoming().add(toPrepared);
      prepare.getIncoming().add(toMilestone);
      prepare.getOutgoing().add(toPrepared);
    }));
    return files;
  }

  private ProcessDefinition latestFollowUp() {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(FollowUpProcess.KEY).latestVersion().singleResult();
  }

  private ProcessInstance followUpOf(String parcoursId) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(parcoursId)
        .processDefinitionKey(FollowUpProcess.KEY).singleResult();
  }

  private JsonNode post(String user, String path, Object body) throws Exception {
    ResponseEntity<String> response = http.withBasicAuth(user, PASSWORD).postForEntity(path, body, String.class);
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
    return json.readTree(response.getBody());
  }

  private ResponseEntity<String> execute(String user, JsonNode plan, String processInstanceId) {
    return http.withBasicAuth(user, PASSWORD).postForEntity("/engine-rest/migration/execute",
        Map.of("migrationPlan", plan, "processInstanceIds", List.of(processInstanceId)), String.class);
  }

  /** The failures of a validation report, each with the activities of its instruction. */
  private static List<String> failures(JsonNode report) {
    List<String> failures = new ArrayList<>();
    report.get("instructionReports").forEach(instruction -> instruction.get("failures").forEach(
        failure -> failures.add(instruction.get("instruction").get("sourceActivityIds") + " " + failure.asText())));
    return failures;
  }
}
