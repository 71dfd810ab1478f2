package fr.sanscouture.territory;

/** The kinds of organisation (structure) of the Réseau pour l'emploi. */
public enum OrganisationType {
  DEPARTEMENT(true),
  FRANCE_TRAVAIL(true),
  MISSION_LOCALE(true),
  CAP_EMPLOI(true),
  PLIE(false),
  CCAS(false);

  private final boolean coversEveryArea;

  OrganisationType(boolean coversEveryArea) {
    this.coversEveryArea = coversEveryArea;
  }

  /** Whether every employment area must be served by exactly one organisation of this type. */
  public boolean coversEveryArea() {
    return coversEveryArea;
  }
}
