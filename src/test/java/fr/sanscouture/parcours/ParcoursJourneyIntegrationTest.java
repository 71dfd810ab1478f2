package fr.sanscouture.parcours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.sanscouture.ProcessTestSupport;
import fr.sanscouture.followup.FollowUpProcess;
import fr.sanscouture.reception.ReceptionProcess;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Whole parcours on PostgreSQL, with the job executor running: from entry to a job, and the CAF's end of rights. */
class ParcoursJourneyIntegrationTest extends JourneyIntegrationTest {

  @Test
  void aPersonGoesFromEntryToASustainableJob() throws Exception {
    String parcoursId = enter("Maël", "Garnier", "5000001");

    toFollowUp(parcoursId);
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
    assertThat(Arrays.stream(SMTP.getReceivedMessages()).map(ProcessTestSupport::subject))
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
    assertThat(historyService.createHistoricVariableInstanceQuery().variableName(ParcoursProcess.EXIT_REASON.getName())
        .processInstanceIdIn(rootOf(parcoursId)).singleResult().getValue()).isEqualTo("RSA_RIGHTS_ENDED");
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
}
