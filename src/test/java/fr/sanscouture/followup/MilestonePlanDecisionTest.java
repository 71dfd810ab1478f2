package fr.sanscouture.followup;

import static org.assertj.core.api.Assertions.assertThat;

import fr.sanscouture.DecisionTables;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The table MilestonePlan, every rule. */
class MilestonePlanDecisionTest {

  private static final DecisionTables PLAN =
      new DecisionTables(FollowUpProcess.PLAN_DECISION_RESOURCE, FollowUpProcess.PLAN_DECISION);

  @ParameterizedTest(name = "{0}, milestone {1} → {2} in {3}")
  @CsvSource({
      "PROFESSIONNEL,       1, MILESTONE,         P1M, P1M15D",
      "PROFESSIONNEL,       3, MILESTONE,         P1M, P1M15D",
      "SOCIO_PROFESSIONNEL, 3, MILESTONE,         P2M, P2M15D",
      "SOCIAL,              2, MILESTONE,         P2M, P2M15D",
      "SOCIAL,              3, JOINT_REDIAGNOSIS, P2M, P2M15D",
      "SOCIAL,              4, MILESTONE,         P2M, P2M15D"})
  void milestonesFollowThePathsRhythm(String path, int number, String kind, String rhythm, String overdueAfter) {
    DmnDecisionResultEntries result = PLAN.evaluate(Map.of("orientationPath", path, "milestoneNumber", number));

    assertThat((String) result.getEntry("kind")).isEqualTo(kind);
    assertThat((String) result.getEntry("rhythm")).isEqualTo(rhythm);
    assertThat((String) result.getEntry("overdueAfter")).isEqualTo(overdueAfter);
  }
}
