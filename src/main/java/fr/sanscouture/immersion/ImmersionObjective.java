package fr.sanscouture.immersion;

/** Why an immersion is made (the three objects of a PMSMP). */
public enum ImmersionObjective {
  DISCOVER_JOB("découvrir un métier ou un secteur d'activité"),
  CONFIRM_PROJECT("confirmer un projet professionnel"),
  START_HIRING("initier une démarche de recrutement");

  private final String label;

  ImmersionObjective(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
