package fr.sanscouture.demo;

import fr.sanscouture.identity.Role;
import fr.sanscouture.parcours.EntryChannel;
import fr.sanscouture.parcours.NewParcours;
import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.format.annotation.DateTimeFormat;

/** The demo territory's accounts and parcours ({@code demo/demo-data.yaml}) and their one password. */
@ConfigurationProperties("sans-couture.demo")
record DemoData(String password, List<DemoUser> users, List<DemoParcours> parcours) {

  /** A demo account; structure and bassin are codes of the territory, absent for roles above them. */
  record DemoUser(String id, String firstName, String lastName, String email, Role role, String structure,
      String bassin) {}

  /**
   * A demo person, whose parcours is taken to {@code stage} (the reception when absent); entered
   * {@code enteredDaysAgo} days ago, so that its deadlines may already have passed.
   */
  record DemoParcours(EntryChannel entryChannel, String firstName, String lastName,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate birthDate, String email, String postcode,
      String cafNumber, String msaNumber, String franceTravailId, DemoStage stage, int enteredDaysAgo) {

    NewParcours toNewParcours() {
      return new NewParcours(entryChannel, firstName, lastName, birthDate, email, postcode, cafNumber, msaNumber,
          franceTravailId);
    }
  }
}
