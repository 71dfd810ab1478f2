package fr.sanscouture.demo;

/** How far a demo parcours is taken when the demo is loaded, each stage past the ones before it. */
enum DemoStage {
  /** The reception structure plans the appointment. */
  RECEPTION,
  /** The appointment is planned; the reception is to be held. */
  APPOINTMENT_PLANNED,
  /** The person was received; the diagnostic is to be recorded. */
  DIAGNOSTIC,
  /** The diagnostic is done; the chargé d'orientation decides. */
  ORIENTATION,
  /** The référent is designated; the contract is to be signed. */
  CONTRACT,
  /** The contract is signed; the first milestone waits. */
  FOLLOW_UP,
  /** The person left for a job. */
  EXITED
}
