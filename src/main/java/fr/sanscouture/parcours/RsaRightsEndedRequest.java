package fr.sanscouture.parcours;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Pattern;

/** Body of {@code POST /api/parcours/rsa-rights-ended}: the CAF or MSA flow ends a person's RSA rights. */
record RsaRightsEndedRequest(
    @Pattern(regexp = "\\d{7}", message = "doit comporter 7 chiffres") String cafNumber,
    @Pattern(regexp = "\\d{7,13}", message = "doit comporter de 7 à 13 chiffres") String msaNumber) {

  @AssertTrue(message = "indiquez le numéro d'allocataire CAF ou MSA")
  boolean isIdentified() {
    return cafNumber != null || msaNumber != null;
  }
}
