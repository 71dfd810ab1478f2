package fr.sanscouture.timeline;

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
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The timeline beside a task names who did each step. */
class ParcoursTimelineIntegrationTest extends PostgresIntegrationTest {

  @Autowired ParcoursService parcoursService;
  @Autowired TaskService taskService;
  @LocalServerPort int port;
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void aStepDoneByAColleagueOfTheAssigneeNamesTheColleague() throws Exception {
    account("timeline-assignee", "role-referent", "structure-dept-grand-avignon", "bassin-grand-avignon");
    account("timeline-colleague", "role-referent", "structure-dept-grand-avignon", "bassin-grand-avignon");
    String parcoursId = parcoursService.start(new NewParcours(EntryChannel.CAF, "Noé", "Timeline", LocalDate.of(1988, 3, 4),
        "noe.timeline@exemple.example", "84000", "6000001", null, null)).parcoursId();
    Task planning = taskService.createTaskQuery().processInstanceBusinessKey(parcoursId)
        .taskDefinitionKey(ReceptionProcess.Elements.PLAN_APPOINTMENT).singleResult();
    taskService.setAssignee(planning.getId(), "timeline-assignee");

    identityService.setAuthentication("timeline-colleague", List.of("role-referent", "structure-dept-grand-avignon", "bassin-grand-avignon"));
    try {
      taskService.complete(planning.getId(), Map.of(
          ReceptionProcess.APPOINTMENT.getName(), OffsetDateTime.now(ZoneId.of("Europe/Paris")).plusDays(3).withNano(0).toString(),
          ReceptionProcess.APPOINTMENT_PLACE.getName(), "Avignon"));
    } finally {
      identityService.clearAuthentication();
    }

    Task reception = taskService.createTaskQuery().processInstanceBusinessKey(parcoursId)
        .taskDefinitionKey(ReceptionProcess.Elements.HOLD_RECEPTION).singleResult();
    WebappSession assignee = new WebappSession("http://localhost:" + port);
    assertThat(assignee.login("tasklist", "timeline-assignee", PASSWORD)).isEqualTo(200);
    HttpResponse<String> timeline = assignee.get("/camunda/api/tasklist/plugin/parcours-timeline/default/task/" + reception.getId());
    assertThat(timeline.statusCode()).as(timeline.body()).isEqualTo(200);
    JsonNode steps = json.readTree(timeline.body()).get("steps");
    JsonNode planned = null;
    for (JsonNode step : steps) {
      if (step.get("name").asText().startsWith("Planifier l'accueil")) {
        planned = step;
      }
    }
    assertThat(planned).as(steps.toString()).isNotNull();
    assertThat(planned.get("doneBy").asText()).contains("timeline-colleague");
  }
}
