package fr.sanscouture.parcours;

/** Why a parcours ended (DOMAIN.md, step 9). */
public enum ExitReason {
  /** A job of 6 months or more. */
  SUSTAINABLE_JOB,
  QUALIFYING_TRAINING,
  MOVED_AWAY,
  /** The CAF or MSA ended the person's RSA rights. */
  RSA_RIGHTS_ENDED,
  ABANDONMENT
}
