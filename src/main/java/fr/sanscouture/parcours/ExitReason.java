package fr.sanscouture.parcours;

/** Why a parcours ended. */
public enum ExitReason {
  /** A job of 6 months or more ({@link #isSustainableJob}). */
  SUSTAINABLE_JOB,
  QUALIFYING_TRAINING,
  MOVED_AWAY,
  /** The CAF or MSA ended the person's RSA rights. */
  RSA_RIGHTS_ENDED,
  ABANDONMENT;

  /** The length from which a fixed-term job is a sustainable one. */
  public static final int SUSTAINABLE_JOB_MONTHS = 6;

  /** Whether a job is sustainable: permanent, or for {@value #SUSTAINABLE_JOB_MONTHS} months or more. */
  public static boolean isSustainableJob(boolean permanent, Integer months) {
    return permanent || months != null && months >= SUSTAINABLE_JOB_MONTHS;
  }
}
