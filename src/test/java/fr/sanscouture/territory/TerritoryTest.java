package fr.sanscouture.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.sanscouture.TestTerritory;
import fr.sanscouture.territory.Territory.EmploymentArea;
import fr.sanscouture.territory.Territory.Organisation;
import java.util.List;
import org.junit.jupiter.api.Test;

class TerritoryTest {

  private final Territory vaucluse = TestTerritory.load();

  @Test
  void theVaucluseHasFourEmploymentAreas() {
    assertThat(vaucluse.employmentAreas()).extracting(EmploymentArea::name)
        .containsExactly("Haut Vaucluse", "Grand Avignon", "Nord Vaucluse", "Sud Vaucluse");
  }

  @Test
  void aPostcodeLeadsToTheAreaOfItsCommune() {
    assertThat(vaucluse.areaOfPostcode("84000")).map(EmploymentArea::code).contains("grand-avignon");
    assertThat(vaucluse.areaOfPostcode("84100")).map(EmploymentArea::code).contains("haut-vaucluse");
    assertThat(vaucluse.areaOfPostcode("84200")).map(EmploymentArea::code).contains("nord-vaucluse");
    assertThat(vaucluse.areaOfPostcode("84300")).map(EmploymentArea::code).contains("sud-vaucluse");
    assertThat(vaucluse.areaOfPostcode("13001")).isEmpty();
  }

  @Test
  void eachAreaHasItsOwnOrganisationOfEachCoreType() {
    assertThat(vaucluse.organisationServing(OrganisationType.FRANCE_TRAVAIL, "haut-vaucluse").groupId())
        .isEqualTo("structure-ft-orange");
    assertThat(vaucluse.organisationServing(OrganisationType.DEPARTEMENT, "sud-vaucluse").groupId())
        .isEqualTo("structure-dept-sud-vaucluse");
    assertThat(vaucluse.organisationServing(OrganisationType.CAP_EMPLOI, "nord-vaucluse").groupId())
        .isEqualTo("structure-capemploi-84");
  }

  @Test
  void aPostcodeInTwoAreasIsRefused() {
    assertThatThrownBy(() -> new Territory("84", "Vaucluse", vaucluse.timeZone(),
        List.of(new EmploymentArea("a", "A", List.of("84000")), new EmploymentArea("b", "B", List.of("84000"))),
        List.of()))
        .hasMessageContaining("84000");
  }

  @Test
  void anAreaWithoutItsDepartementIsRefused() {
    List<Organisation> withoutDepartement = vaucluse.organisations().stream()
        .filter(o -> !o.code().equals("dept-nord-vaucluse")).toList();

    assertThatThrownBy(() -> new Territory("84", "Vaucluse", vaucluse.timeZone(), vaucluse.employmentAreas(), withoutDepartement))
        .hasMessageContaining("nord-vaucluse").hasMessageContaining("DEPARTEMENT");
  }
}
