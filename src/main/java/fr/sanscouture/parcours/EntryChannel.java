package fr.sanscouture.parcours;

/** How a person enters the service: the partner flow or the démarche that signalled them. */
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
