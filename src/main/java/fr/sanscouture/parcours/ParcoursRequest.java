package fr.sanscouture.parcours;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Body of {@code POST /api/parcours}: a person entering the service, sent by a partner system. */
record ParcoursRequest(@NotNull EntryChannel entryChannel, @NotNull @Valid Person person) {

  /** Letters, marks, spaces and punctuation: no control or formatting character (NUL, ESC, CR, LF, bidi overrides). */
  static final String PRINTABLE = "[^\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]*";
  static final String NOT_PRINTABLE = "contient un caractère non autorisé (caractère de contrôle ou de mise en forme)";

  record Person(
      @NotBlank @Size(max = 100) @Pattern(regexp = PRINTABLE, message = NOT_PRINTABLE) String firstName,
      @NotBlank @Size(max = 100) @Pattern(regexp = PRINTABLE, message = NOT_PRINTABLE) String lastName,
      @NotNull @Past LocalDate birthDate,
      // a domain with at least one dot: no « a@b », no « a@localhost »
      @NotBlank @Email(regexp = "[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+") @Size(max = 254) String email,
      @NotBlank @Pattern(regexp = "\\d{5}", message = "doit comporter 5 chiffres") String postcode,
      @Pattern(regexp = "\\d{7}", message = "doit comporter 7 chiffres") String cafNumber,
      @Pattern(regexp = "\\d{7,13}", message = "doit comporter de 7 à 13 chiffres") String msaNumber,
      @Pattern(regexp = "\\d{7}[A-Za-z]", message = "doit comporter 7 chiffres et une lettre") String franceTravailId) {}

  NewParcours toNewParcours() {
    return new NewParcours(entryChannel, person.firstName().strip(), person.lastName().strip(), person.birthDate(),
        person.email().strip(), person.postcode(), person.cafNumber(), person.msaNumber(), person.franceTravailId());
  }
}
