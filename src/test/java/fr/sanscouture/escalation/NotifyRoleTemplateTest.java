package fr.sanscouture.escalation;

import static fr.sanscouture.ProcessTestSupport.subject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import com.fasterxml.jackson.databind.JsonNode;
import fr.sanscouture.ProcessTestBase;
import fr.sanscouture.ProcessTestSupport;
import fr.sanscouture.Steps;
import fr.sanscouture.model.ElementTemplates;
import fr.sanscouture.orientation.OrientationProcess;
import fr.sanscouture.parcours.ParcoursProcess;
import jakarta.mail.Message;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A coordinator draws a service task with the template « Prévenir un rôle par courriel »: the role's
 * people of the parcours get the coordinator's mail, once the engine runs the job after the async
 * boundary; with nobody in the role, the job fails and the engine retries it, then shows an incident.
 */
class NotifyRoleTemplateTest extends ProcessTestBase {

  private static final String NOTICE = "Task_NotifyCancellation";
  private static final String DEPT_AVIGNON = "structure-dept-grand-avignon";

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension
      .builder(ProcessTestSupport.engine("notify-role-test", BEANS)).build();

  @Override
  protected ProcessEngine engine() {
    return engine.getProcessEngine();
  }

  @BeforeEach
  void people() {
    var identity = processEngine.getIdentityService();
    ProcessTestSupport.user(identity, "claire.martin", DEPT_AVIGNON, "role-referent", "bassin-grand-avignon");
    ProcessTestSupport.user(identity, "anne.petit", DEPT_AVIGNON, "role-responsable", "bassin-grand-avignon");
    ProcessTestSupport.user(identity, "isabelle.renard", "role-direction");
  }

  @Test
  void theResponsablesOfTheLeadStructureGetTheCoordinatorsMail() throws Exception {
    // given a model with the step drawn from the template
    ProcessInstance parcours = start(drawn("RESPONSABLE"));
    assertThat(parcours).isWaitingAt(NOTICE);
    assertThat(smtp.getReceivedMessages()).isEmpty();

    // when the engine runs the step, then what follows it
    Steps.runJobs(parcours, NOTICE);

    // then the responsable, and no one else, got the mail
    assertThat(parcours).isEnded();
    Message[] mails = smtp.getReceivedMessages();
    assertThat(mails).hasSize(1);
    assertThat(ProcessTestSupport.recipients(mails[0])).containsExactly("anne.petit@test.example");
    assertThat(subject(mails[0])).isEqualTo("Immersion annulée – parcours P-2026-000042");
    assertThat(ProcessTestSupport.content(mails[0])).contains("L&#39;entreprise a renoncé à l&#39;immersion.");
  }

  @Test
  void theReferentOfTheParcoursGetsTheMailAddressedToTheReferent() throws Exception {
    ProcessInstance parcours = start(drawn("REFERENT"));

    Steps.runJobs(parcours, NOTICE);

    assertThat(ProcessTestSupport.recipients(smtp.getReceivedMessages()[0])).containsExactly("claire.martin@test.example");
  }

  @Test
  void withNobodyInTheRoleTheJobFailsAndIsRetried() {
    // no animateur works in the bassin of Grand Avignon in this test
    ProcessInstance parcours = start(drawn("ANIMATEUR"));

    assertThatThrownBy(() -> execute(job(NOTICE, parcours))).hasMessageContaining("ANIMATEUR");

    assertThat(parcours).isWaitingAt(NOTICE);
    // the engine's default cycle: 5 tries, 10 minutes apart
    assertThat(job(NOTICE, parcours).getRetries()).isEqualTo(4);
    assertThat(smtp.getReceivedMessages()).isEmpty();
  }

  /** start → the template's service task → end, the role and the texts filled as a coordinator would. */
  private static BpmnModelInstance drawn(String role) {
    BpmnModelInstance model = Bpmn.createExecutableProcess("annulation-immersion").camundaHistoryTimeToLive(730)
        .startEvent().serviceTask(NOTICE).endEvent().done();
    ServiceTask task = model.getModelElementById(NOTICE);
    JsonNode template = ElementTemplates.template("fr.sanscouture.notify-role");
    Map<String, String> filled = Map.of("notifiedRole", role, "mailSubject", "Immersion annulée",
        "mailMessage", "L'entreprise a renoncé à l'immersion.");
    template.get("properties").forEach(property -> {
      JsonNode binding = property.get("binding");
      String value = filled.getOrDefault(binding.path("name").asText(), property.path("value").asText());
      ElementTemplates.apply(task, binding, value);
    });
    return model;
  }

  private ProcessInstance start(BpmnModelInstance model) {
    processEngine.getRepositoryService().createDeployment().addModelInstance("annulation-immersion.bpmn", model).deploy();
    return processEngine.getRuntimeService().startProcessInstanceByKey("annulation-immersion", Variables.createVariables()
        .putValue(ParcoursProcess.PARCOURS_ID.getName(), "P-2026-000042")
        .putValue(ParcoursProcess.EMPLOYMENT_AREA.getName(), "grand-avignon")
        .putValue(ParcoursProcess.LEAD_REFERENT.getName(), "claire.martin")
        .putValue(OrientationProcess.LEAD_ORGANISATION.getName(), DEPT_AVIGNON));
  }
}
