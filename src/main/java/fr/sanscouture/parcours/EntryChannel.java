package fr.sanscouture.parcours;

/** How a person enters the service (step 1 of DOMAIN.md). */
public enum EntryChannel {
  /** A new RSA right notified by the CAF. */
  CAF,
  /** A new RSA right notified by the MSA. */
  MSA,
  FRANCE_TRAVAIL,
  MISSION_LOCALE,
  CAP_EMPLOI,
  /** The person comes on their own. */
  DEMARCHE_SPONTANEE
}
