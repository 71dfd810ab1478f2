package fr.sanscouture.reception;

/** Where a reception stands: from the invitation to the person seen, absent, excused, or out of time. */
public enum ReceptionStatus {
  INVITED,
  APPOINTMENT_PLANNED,
  SEEN,
  NO_SHOW,
  EXCUSED,
  /** The month after entry has passed without a reception. */
  EXPIRED
}
