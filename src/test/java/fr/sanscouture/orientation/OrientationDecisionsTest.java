package fr.sanscouture.orientation;

import static org.assertj.core.api.Assertions.assertThat;

import fr.sanscouture.DecisionTables;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The tables OrientationPath and LeadOrganisation, every rule. */
class OrientationDecisionsTest {

  private static final DecisionTables PATH =
      new DecisionTables(OrientationProcess.PATH_DECISION_RESOURCE, OrientationProcess.PATH_DECISION);
  private static final DecisionTables LEAD =
      new DecisionTables(OrientationProcess.LEAD_DECISION_RESOURCE, OrientationProcess.LEAD_DECISION);

  @ParameterizedTest(name = "strong {0}, pictures a job {1}, recent activity {2}, medium {3}, level {4} → {5}")
  @CsvSource({
      // several strong barriers: social, whatever else
      "2, true,  true,  0, HIGHER,  SOCIAL,              Plusieurs freins forts",
      // no projection and a strong barrier: social
      "1, false, true,  0, BAC,     SOCIAL,              Pas de projection",
      // recent activity, projection, no strong barrier: professional, even with medium barriers and no diploma
      "0, true,  true,  3, NONE,    PROFESSIONNEL,       Activité récente",
      // projection, qualification, at most one medium barrier: professional
      "0, true,  false, 1, CAP_BEP, PROFESSIONNEL,       qualification et au plus un frein moyen",
      // otherwise: socio-professional
      "0, true,  false, 2, BAC,     SOCIO_PROFESSIONNEL, Projet à construire",
      "0, true,  false, 0, NONE,    SOCIO_PROFESSIONNEL, Projet à construire",
      "1, true,  true,  0, HIGHER,  SOCIO_PROFESSIONNEL, Projet à construire",
      "0, false, false, 0, BAC,     SOCIO_PROFESSIONNEL, Projet à construire"})
  void theReferentialProposesAPath(int strong, boolean picturesJob, boolean recentActivity, int medium, String level,
      OrientationPath expected, String rule) {
    DmnDecisionResultEntries result = PATH.evaluate(Map.of("strongBarrierCount", strong, "canPictureJob", picturesJob,
        "recentActivity", recentActivity, "mediumBarrierCount", medium, "qualificationLevel", level));

    assertThat((String) result.getEntry("path")).isEqualTo(expected.name());
    assertThat((String) result.getEntry("rule")).contains(rule);
  }

  @ParameterizedTest(name = "{0} years, RQTH {1}, declines {2}, {3} → {4}")
  @CsvSource({
      "22, false, false, SOCIAL,              MISSION_LOCALE, Moins de 26 ans",
      "22, true,  false, PROFESSIONNEL,       MISSION_LOCALE, Moins de 26 ans",
      "40, true,  false, SOCIAL,              CAP_EMPLOI,     travailleur handicapé",
      "22, true,  true,  PROFESSIONNEL,       FRANCE_TRAVAIL, Parcours professionnel",
      "26, false, false, PROFESSIONNEL,       FRANCE_TRAVAIL, Parcours professionnel",
      "40, false, false, SOCIO_PROFESSIONNEL, DEPARTEMENT,    Parcours social ou socio-professionnel",
      "24, false, true,  SOCIAL,              DEPARTEMENT,    Parcours social ou socio-professionnel"})
  void theLeadStructureFollowsAgeDisabilityAndPath(int age, boolean rqth, boolean declines, OrientationPath path,
      String expectedType, String rule) {
    DmnDecisionResultEntries result = LEAD.evaluate(Map.of("personAge", age, "rqth", rqth,
        "declinesSpecialisedStructure", declines, "proposedPath", path.name()));

    assertThat((String) result.getEntry("organisationType")).isEqualTo(expectedType);
    assertThat((String) result.getEntry("rule")).contains(rule);
  }
}
