package fr.sanscouture.parcours;

import static fr.sanscouture.ProcessTestSupport.at;
import static fr.sanscouture.ProcessTestSupport.person;
import static fr.sanscouture.parcours.ParcoursProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import fr.sanscouture.ProcessTestSupport;
import fr.sanscouture.reception.ReceptionOrganisationDecision;
import fr.sanscouture.reception.ReceptionProcess;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The parcours from entry to exit, its parts called as they run in production. */
@Deployment(resources = {RESOURCE, ReceptionProcess.RESOURCE, ReceptionOrganisationDecision.RESOURCE,
    "forms/reception-appointment.form", "forms/reception.form", "forms/reception-review.form"})
class ParcoursProcessTest {

  private static final Map<Object, Object> BEANS = new HashMap<>();

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension
      .builder(ProcessTestSupport.engine("parcours-test", BEANS))
      .assertClassCoverageAtLeast(0.9)
      .excludeProcessDefinitionKeys(ReceptionProcess.KEY)
      .build();

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private final List<String> releasedParcours = new ArrayList<>();
  private ProcessEngine processEngine;

  @BeforeEach
  void setUp() {
    processEngine = engine.getProcessEngine();
    ProcessTestSupport.wire(BEANS, processEngine, smtp.getSmtp().getPort(),
        execution -> releasedParcours.add(PARCOURS_ID.from(execution).get()));
    BpmnAwareTests.init(processEngine);
    ProcessTestSupport.user(processEngine.getIdentityService(), "anne.petit", "structure-dept-grand-avignon", "role-responsable");
    ClockUtil.setCurrentTime(at(2026, 11, 2, 10, 0));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void anEntrySignalledByAPartnerStartsWithTheReception() {
    // when the CAF signals a new RSA right
    ProcessInstance parcours = enter("parcours-caf");

    // then the parcours waits in its reception, which carries the same business key
    assertThat(parcours).isWaitingAt(Elements.RECEPTION).hasBusinessKey("parcours-caf");
    ProcessInstance reception = calledReception(parcours);
    assertThat(reception).hasBusinessKey("parcours-caf").isWaitingAt(ReceptionProcess.Elements.PLAN_APPOINTMENT);

    // when the person is received
    receive(reception);

    // then the parcours goes on past its reception
    assertThat(parcours).hasPassed(Elements.RECEIVED).isEnded();
    assertThat(releasedParcours).containsExactly("parcours-caf");
  }

  @Test
  void aReceptionClosedByTheResponsableEndsTheParcoursForAbandonment() {
    ProcessInstance parcours = enter("parcours-absent");
    ProcessInstance reception = calledReception(parcours);
    for (int absence = 1; absence <= 3; absence++) {
      runInvitation(reception);
      complete(task(ReceptionProcess.Elements.PLAN_APPOINTMENT, reception), withVariables(
          ReceptionProcess.APPOINTMENT.getName(), "2026-11-0" + (2 + absence) + "T10:00+01:00",
          ReceptionProcess.APPOINTMENT_PLACE.getName(), "Avignon"));
      ClockUtil.setCurrentTime(at(2026, 11, 2 + absence, 12, 0));
      complete(task(ReceptionProcess.Elements.HOLD_RECEPTION, reception), withVariables(
          ReceptionProcess.RECEPTION_OUTCOME.getName(), "NO_SHOW",
          ReceptionProcess.RECEPTION_DATE.getName(), "2026-11-0" + (2 + absence)));
    }

    complete(task(ReceptionProcess.Elements.REVIEW_RECEPTION, reception), withVariables(
        ReceptionProcess.REVIEW_DECISION.getName(), ReceptionProcess.CLOSE,
        ReceptionProcess.REVIEW_REASON.getName(), "Trois absences sans nouvelles"));

    assertThat(parcours).hasPassed(Elements.ABANDONED_AT_RECEPTION).isEnded();
    assertThat(processEngine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(parcours.getId()).variableName(EXIT_REASON.getName()).singleResult().getValue())
        .isEqualTo(ExitReason.ABANDONMENT.name());
    assertThat(releasedParcours).containsExactly("parcours-absent");
  }

  private ProcessInstance enter(String parcoursId) {
    return processEngine.getRuntimeService().createMessageCorrelation(MESSAGE_ENTRY_RECEIVED)
        .processInstanceBusinessKey(parcoursId)
        .setVariables(person(parcoursId, EntryChannel.CAF, "84000"))
        .correlateStartMessage();
  }

  private ProcessInstance calledReception(ProcessInstance parcours) {
    return processEngine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(parcours.getId()).processDefinitionKey(ReceptionProcess.KEY).singleResult();
  }

  private void runInvitation(ProcessInstance reception) {
    execute(job(ReceptionProcess.Elements.SEND_INVITATION, reception));
    execute(job(ReceptionProcess.Elements.SEND_INVITATION, reception));
  }

  private void receive(ProcessInstance reception) {
    runInvitation(reception);
    complete(task(ReceptionProcess.Elements.PLAN_APPOINTMENT, reception), withVariables(
        ReceptionProcess.APPOINTMENT.getName(), "2026-11-04T10:00+01:00",
        ReceptionProcess.APPOINTMENT_PLACE.getName(), "Avignon"));
    ClockUtil.setCurrentTime(at(2026, 11, 4, 11, 0));
    complete(task(ReceptionProcess.Elements.HOLD_RECEPTION, reception), withVariables(
        ReceptionProcess.RECEPTION_OUTCOME.getName(), "SEEN", ReceptionProcess.RECEPTION_DATE.getName(), "2026-11-04"));
  }
}
