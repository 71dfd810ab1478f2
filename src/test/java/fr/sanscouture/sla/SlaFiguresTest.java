package fr.sanscouture.sla;

import static fr.sanscouture.ProcessTestSupport.at;
import static fr.sanscouture.ProcessTestSupport.person;
import static fr.sanscouture.Steps.called;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import fr.sanscouture.ProcessTestBase;
import fr.sanscouture.ProcessTestSupport;
import fr.sanscouture.Steps;
import fr.sanscouture.contract.EngagementContractProcess;
import fr.sanscouture.contribution.ContributionsProcess;
import fr.sanscouture.diagnostic.DiagnosticProcess;
import fr.sanscouture.escalation.EscalationProcess;
import fr.sanscouture.followup.FollowUpProcess;
import fr.sanscouture.identity.Directory;
import fr.sanscouture.orientation.OrientationProcess;
import fr.sanscouture.parcours.EntryChannel;
import fr.sanscouture.parcours.ParcoursProcess;
import fr.sanscouture.reception.ReceptionOrganisationDecision;
import fr.sanscouture.reception.ReceptionProcess;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SLA figures against a history whose answers are known. */
@Deployment(resources = {ParcoursProcess.RESOURCE, ReceptionProcess.RESOURCE, ReceptionOrganisationDecision.RESOURCE,
    DiagnosticProcess.RESOURCE, ContributionsProcess.RESOURCE, OrientationProcess.RESOURCE,
    OrientationProcess.PATH_DECISION_RESOURCE, OrientationProcess.LEAD_DECISION_RESOURCE,
    EngagementContractProcess.RESOURCE, FollowUpProcess.RESOURCE, FollowUpProcess.PLAN_DECISION_RESOURCE,
    EscalationProcess.RESOURCE, "forms/engagement-contract.form"})
class SlaFiguresTest extends ProcessTestBase {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension
      .builder(ProcessTestSupport.engine("sla-test", BEANS)).build();

  @Override
  protected ProcessEngine engine() {
    return engine.getProcessEngine();
  }

  @Test
  void figuresPerBassinAndStructure() {
    var identity = processEngine.getIdentityService();
    ProcessTestSupport.user(identity, "karim.benali", "structure-ft-avignon", "role-referent", "bassin-grand-avignon");
    ProcessTestSupport.user(identity, "isabelle.renard", "role-direction");

    // on time everywhere: received after 2 days, oriented after 10, contract 8 days later
    ProcessInstance onTime = enter("parcours-1", "84000");
    walk(onTime, at(2026, 11, 4, 10, 0), at(2026, 11, 12, 10, 0), at(2026, 11, 20, 10, 0));
    // late everywhere: received after 38 days, oriented after 48, contract 36 days later
    ClockUtil.setCurrentTime(at(2026, 11, 2, 10, 0));
    ProcessInstance late = enter("parcours-2", "84000");
    walk(late, at(2026, 12, 10, 10, 0), at(2026, 12, 20, 10, 0), at(2027, 1, 25, 10, 0));
    // still waiting for its reception in Haut Vaucluse, overdue and escalated
    ClockUtil.setCurrentTime(at(2026, 11, 2, 10, 0));
    ProcessInstance waiting = enter("parcours-3", "84100");
    ClockUtil.setCurrentTime(at(2027, 2, 1, 10, 0));
    ProcessInstance reception = called(waiting, ReceptionProcess.KEY);
    processEngine.getManagementService().executeJob(processEngine.getManagementService().createJobQuery()
        .processInstanceId(reception.getId()).activityId(ReceptionProcess.Elements.PLAN_APPOINTMENT).singleResult().getId());

    SlaReport report = new SlaFigures(processEngine.getHistoryService(), processEngine.getRuntimeService(),
        processEngine.getTaskService(), new Directory(processEngine.getIdentityService()), ProcessTestSupport.TERRITORY)
        .report(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30));

    SlaRow avignon = row(report, SlaRow.Scope.BASSIN, "grand-avignon");
    assertThat(avignon.parcoursEntered()).isEqualTo(2);
    assertThat(avignon.receptionsWithinAMonth()).isEqualTo(new SlaRow.Share(1, 2));
    assertThat(avignon.orientationsWithinSixWeeks()).isEqualTo(new SlaRow.Share(1, 2));
    assertThat(avignon.contractsWithinAMonth()).isEqualTo(new SlaRow.Share(1, 2));
    assertThat(avignon.medianReceptionDays()).isCloseTo(20.0, within(0.1));
    assertThat(avignon.medianOrientationDays()).isCloseTo(29.0, within(0.1));
    assertThat(avignon.medianContractDays()).isCloseTo(22.0, within(0.1));
    // the first milestone of the parcours on time was due on 20 December
    assertThat(avignon.overdueTasks()).isOne();
    assertThat(row(report, SlaRow.Scope.STRUCTURE, "ft-avignon").overdueTasks()).isOne();

    SlaRow hautVaucluse = row(report, SlaRow.Scope.BASSIN, "haut-vaucluse");
    assertThat(hautVaucluse.parcoursEntered()).isEqualTo(1);
    assertThat(hautVaucluse.receptionsWithinAMonth().ratio()).isNull();
    assertThat(hautVaucluse.medianReceptionDays()).isNull();
    assertThat(hautVaucluse.overdueTasks()).isEqualTo(1);
    assertThat(hautVaucluse.openEscalations()).isEqualTo(1);

    assertThat(row(report, SlaRow.Scope.STRUCTURE, "dept-grand-avignon").receptionsWithinAMonth()).isEqualTo(new SlaRow.Share(1, 2));
    assertThat(row(report, SlaRow.Scope.STRUCTURE, "ft-avignon").contractsWithinAMonth()).isEqualTo(new SlaRow.Share(1, 2));
    assertThat(row(report, SlaRow.Scope.STRUCTURE, "dept-haut-vaucluse").overdueTasks()).isEqualTo(1);
    assertThat(row(report, SlaRow.Scope.STRUCTURE, "dept-haut-vaucluse").openEscalations()).isEqualTo(1);

    // a period without entries has no figures of delay
    SlaRow december = row(new SlaFigures(processEngine.getHistoryService(), processEngine.getRuntimeService(),
        processEngine.getTaskService(), new Directory(processEngine.getIdentityService()), ProcessTestSupport.TERRITORY)
        .report(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31)), SlaRow.Scope.BASSIN, "grand-avignon");
    assertThat(december.parcoursEntered()).isZero();
    assertThat(december.contractsWithinAMonth().total()).isZero();
  }

  private ProcessInstance enter(String parcoursId, String postcode) {
    return processEngine.getRuntimeService().createMessageCorrelation(ParcoursProcess.MESSAGE_ENTRY_RECEIVED)
        .processInstanceBusinessKey(parcoursId).setVariables(person(parcoursId, EntryChannel.CAF, postcode))
        .correlateStartMessage();
  }

  /** Reception held, orientation confirmed and contract signed at the given moments. */
  private void walk(ProcessInstance parcours, Date received, Date oriented, Date contracted) {
    ProcessInstance reception = called(parcours, ReceptionProcess.KEY);
    Steps.runJobs(reception, ReceptionProcess.Elements.SEND_INVITATION);
    ClockUtil.setCurrentTime(new Date(received.getTime() - 3_600_000));
    complete(task(ReceptionProcess.Elements.PLAN_APPOINTMENT, reception), withVariables(
        ReceptionProcess.APPOINTMENT.getName(), received.toInstant().toString(), ReceptionProcess.APPOINTMENT_PLACE.getName(), "Avignon"));
    ClockUtil.setCurrentTime(received);
    complete(task(ReceptionProcess.Elements.HOLD_RECEPTION, reception), withVariables(
        ReceptionProcess.RECEPTION_OUTCOME.getName(), "SEEN",
        ReceptionProcess.RECEPTION_DATE.getName(), ProcessTestSupport.TERRITORY.dayOf(received).toString()));
    Steps.diagnose(called(parcours, DiagnosticProcess.KEY), true, Map.of());
    ClockUtil.setCurrentTime(oriented);
    Steps.confirmOrientation(called(parcours, OrientationProcess.KEY));
    ClockUtil.setCurrentTime(contracted);
    Steps.signContract(called(parcours, EngagementContractProcess.KEY), ProcessTestSupport.TERRITORY.dayOf(contracted).toString());
  }

  private static SlaRow row(SlaReport report, SlaRow.Scope scope, String code) {
    return report.rows().stream().filter(row -> row.scope() == scope && row.code().equals(code)).findFirst().orElseThrow();
  }
}
