package fr.sanscouture.parcours;

import java.time.LocalDate;

/** A person entering the service, as a partner system or the demo declares them; already validated. */
public record NewParcours(
    EntryChannel entryChannel,
    String firstName,
    String lastName,
    LocalDate birthDate,
    String email,
    String postcode,
    String cafNumber,
    String msaNumber,
    String franceTravailId) {

  PersonKeys personKeys() {
    return PersonKeys.of(firstName, lastName, birthDate, cafNumber, msaNumber, franceTravailId);
  }
}
