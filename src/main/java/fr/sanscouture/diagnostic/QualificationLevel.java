package fr.sanscouture.diagnostic;

/** Qualification levels of the national framework, as the diagnostic records them. */
public enum QualificationLevel {
  /** Levels 1 and 2: no diploma. */
  NONE,
  /** Level 3: CAP, BEP. */
  CAP_BEP,
  /** Level 4: baccalauréat. */
  BAC,
  /** Levels 5 and above. */
  HIGHER
}
