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

  /**
   * Whether a structure of this type may prescribe an immersion in a company (PMSMP) itself; the others
   * have it prescribed by the Département that delegates the accompaniment to them.
   */
  public boolean prescribesImmersions() {
    return switch (this) {
      case DEPARTEMENT, FRANCE_TRAVAIL, MISSION_LOCALE, CAP_EMPLOI -> true;
      case PLIE, CCAS -> false;
    };
  }

  /** Whether every employment area must be served by exactly one organisation of this type. */
  public boolean coversEveryArea() {
    return coversEveryArea;
  }
}
