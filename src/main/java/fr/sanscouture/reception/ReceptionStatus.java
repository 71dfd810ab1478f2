package fr.sanscouture.reception;

/** Where a reception stands (DOMAIN.md, step 2). */
public enum ReceptionStatus {
  INVITED,
  APPOINTMENT_PLANNED,
  SEEN,
  NO_SHOW,
  EXCUSED,
  /** The month after entry has passed without a reception. */
  EXPIRED
}
