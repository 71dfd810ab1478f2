package fr.sanscouture.escalation;

/** The levels of the escalation chain above the référent, in order: structure, bassin, Département. */
public enum EscalationLevel {
  RESPONSABLE("le responsable de structure"),
  ANIMATEUR("l'animateur du bassin"),
  DIRECTION("la direction de l'insertion du Département");

  private final String label;

  EscalationLevel(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The level above, or this one when it is the top: the Département is asked again. */
  public EscalationLevel next() {
    return this == DIRECTION ? DIRECTION : values()[ordinal() + 1];
  }
}
