package fr.sanscouture.reception;

/** What the referent records of a reception (accueil). */
public enum ReceptionOutcome {
  /** The person came and was received. */
  SEEN,
  /** The person did not come and gave no reason. */
  NO_SHOW,
  /** The person did not come and excused themselves. */
  EXCUSED
}
