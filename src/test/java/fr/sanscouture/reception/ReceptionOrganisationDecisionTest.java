package fr.sanscouture.reception;

import static org.assertj.core.api.Assertions.assertThat;

import fr.sanscouture.parcours.EntryChannel;
import fr.sanscouture.territory.OrganisationType;
import java.io.InputStream;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The table ReceptionOrganisation, rule by rule. */
class ReceptionOrganisationDecisionTest {

  private static DmnEngine dmnEngine;
  private static DmnDecision decision;

  @BeforeAll
  static void parse() throws Exception {
    dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream model = ReceptionOrganisationDecisionTest.class.getClassLoader()
        .getResourceAsStream(ReceptionOrganisationDecision.RESOURCE)) {
      decision = dmnEngine.parseDecision(ReceptionOrganisationDecision.KEY, model);
    }
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
      "CAF, DEPARTEMENT",
      "MSA, DEPARTEMENT",
      "DEMARCHE_SPONTANEE, DEPARTEMENT",
      "FRANCE_TRAVAIL, FRANCE_TRAVAIL",
      "MISSION_LOCALE, MISSION_LOCALE",
      "CAP_EMPLOI, CAP_EMPLOI"})
  void decidesTheReceptionOrganisationFromTheEntryChannel(EntryChannel channel, OrganisationType expected) {
    String type = dmnEngine.evaluateDecisionTable(decision,
            Map.of(ReceptionOrganisationDecision.INPUT_ENTRY_CHANNEL, channel.name()))
        .getSingleResult().getEntry(ReceptionOrganisationDecision.OUTPUT_ORGANISATION_TYPE);

    assertThat(type).isEqualTo(expected.name());
  }

  @Test
  void everyEntryChannelMatchesExactlyOneRule() {
    for (EntryChannel channel : EntryChannel.values()) {
      assertThat(dmnEngine.evaluateDecisionTable(decision,
          Map.of(ReceptionOrganisationDecision.INPUT_ENTRY_CHANNEL, channel.name())).size())
          .as(channel.name()).isEqualTo(1);
    }
  }

  @Test
  void anUnknownChannelMatchesNoRule() {
    assertThat(dmnEngine.evaluateDecisionTable(decision,
        Map.of(ReceptionOrganisationDecision.INPUT_ENTRY_CHANNEL, "PIGEON_VOYAGEUR"))).isEmpty();
  }
}
