package fr.sanscouture.orientation;

import static fr.sanscouture.ProcessTestSupport.at;
import static fr.sanscouture.ProcessTestSupport.person;
import static fr.sanscouture.orientation.OrientationProcess.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import fr.sanscouture.ProcessTestBase;
import fr.sanscouture.ProcessTestSupport;
import fr.sanscouture.Steps;
import fr.sanscouture.diagnostic.DiagnosticProcess;
import fr.sanscouture.parcours.EntryChannel;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The orientation: the referential's proposal, confirmed or overridden by the chargé d'orientation. */
@Deployment(resources = {RESOURCE, PATH_DECISION_RESOURCE, LEAD_DECISION_RESOURCE, "forms/orientation.form"})
class OrientationProcessTest extends ProcessTestBase {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension
      .builder(ProcessTestSupport.engine("orientation-test", BEANS)).assertClassCoverageAtLeast(0.9).build();

  @Override
  protected ProcessEngine engine() {
    return engine.getProcessEngine();
  }

  @Test
  void theChargeDOrientationConfirmsTheProposalWithinSixWeeksOfEntry() {
    // a young person of Sud Vaucluse, with two strong barriers
    ProcessInstance orientation = start("84300", Date.from(java.time.LocalDate.of(2005, 1, 10)
        .atStartOfDay(ProcessTestSupport.TERRITORY.timeZone()).toInstant()),
        Map.of("barrierHousing", "STRONG", "barrierMobility", "STRONG"));

    Task confirmation = task(Elements.CONFIRM_ORIENTATION, orientation);
    assertThat(confirmation).hasName("Orientation – Amina Diallo").hasCandidateGroup("role-charge-orientation")
        .hasDueDate(at(2026, 12, 14, 10, 0));
    assertThat(orientation).hasPassed(Elements.PREPARE_ORIENTATION, Elements.DECIDE_PATH, Elements.DECIDE_LEAD_ORGANISATION)
        .variables()
        .containsEntry(PERSON_AGE.getName(), 21)
        .containsEntry(PROPOSED_PATH.getName(), "SOCIAL")
        .containsEntry(PROPOSED_ORGANISATION_TYPE.getName(), "MISSION_LOCALE")
        .containsEntry(LEAD_RULE.getName(), "Moins de 26 ans : Mission locale");

    ClockUtil.setCurrentTime(at(2026, 11, 20, 15, 0));
    Steps.confirmOrientation(orientation);

    assertThat(orientation).hasPassed(Elements.ORIENTED).isEnded();
    org.assertj.core.api.Assertions.assertThat(historic(orientation.getId(), ORIENTATION_PATH.getName())).isEqualTo("SOCIAL");
    org.assertj.core.api.Assertions.assertThat(historic(orientation.getId(), LEAD_ORGANISATION.getName()))
        .isEqualTo("structure-ml-sud-vaucluse");
    org.assertj.core.api.Assertions.assertThat(historic(orientation.getId(), ORIENTATION_DATE.getName()))
        .isEqualTo(at(2026, 11, 20, 15, 0));
  }

  @Test
  void anOverrideNeedsAPathAStructureTypeAndAReasonAndAStructureInTheBassin() {
    ProcessInstance orientation = start("84100", Date.from(java.time.LocalDate.of(1980, 1, 10)
        .atStartOfDay(ProcessTestSupport.TERRITORY.timeZone()).toInstant()), Map.of());
    Task confirmation = task(Elements.CONFIRM_ORIENTATION, orientation);

    assertThatThrownBy(() -> complete(confirmation, withVariables(DECISION.getName(), OVERRIDE,
        OVERRIDE_PATH.getName(), "SOCIAL", OVERRIDE_ORGANISATION_TYPE.getName(), "DEPARTEMENT")))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("motif");
    assertThatThrownBy(() -> complete(confirmation, withVariables(DECISION.getName(), OVERRIDE,
        OVERRIDE_ORGANISATION_TYPE.getName(), "DEPARTEMENT", OVERRIDE_REASON.getName(), "x")))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("parcours retenu");
    assertThatThrownBy(() -> complete(confirmation, withVariables(DECISION.getName(), OVERRIDE,
        OVERRIDE_PATH.getName(), "SOCIAL", OVERRIDE_REASON.getName(), "x")))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("structure référente");
    assertThatThrownBy(() -> complete(confirmation, withVariables(DECISION.getName(), OVERRIDE,
        OVERRIDE_PATH.getName(), "SOCIAL", OVERRIDE_ORGANISATION_TYPE.getName(), "CCAS", OVERRIDE_REASON.getName(), "x")))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("Aucune structure de ce type ne couvre le bassin Haut Vaucluse");
    assertThatThrownBy(() -> complete(confirmation, withVariables(OVERRIDE_REASON.getName(), "")))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("Confirmez la proposition");
    assertThat(orientation).isWaitingAt(Elements.CONFIRM_ORIENTATION).variables().doesNotContainKey(LEAD_ORGANISATION.getName());

    complete(confirmation, withVariables(DECISION.getName(), OVERRIDE, OVERRIDE_PATH.getName(), "SOCIO_PROFESSIONNEL",
        OVERRIDE_ORGANISATION_TYPE.getName(), "DEPARTEMENT", OVERRIDE_REASON.getName(), "Projet à consolider d'abord."));

    assertThat(orientation).isEnded();
    org.assertj.core.api.Assertions.assertThat(historic(orientation.getId(), LEAD_ORGANISATION.getName()))
        .isEqualTo("structure-dept-haut-vaucluse");
  }

  private ProcessInstance start(String postcode, Date birthDate, Map<String, String> barriers) {
    VariableMap variables = person("parcours-1", EntryChannel.CAF, postcode);
    variables.putValue(fr.sanscouture.parcours.ParcoursProcess.PERSON_BIRTH_DATE.getName(), birthDate);
    variables.putAll(Steps.diagnosis(true, barriers));
    variables.putValue(DiagnosticProcess.STRONG_BARRIERS.getName(), (int) barriers.values().stream().filter("STRONG"::equals).count());
    variables.putValue(DiagnosticProcess.MEDIUM_BARRIERS.getName(), 0);
    variables.putValue(DiagnosticProcess.RQTH.getName(), false);
    variables.putValue(DiagnosticProcess.DECLINES_SPECIALISED.getName(), false);
    return processEngine.getRuntimeService().startProcessInstanceByKey(KEY, "parcours-1", variables);
  }
}
