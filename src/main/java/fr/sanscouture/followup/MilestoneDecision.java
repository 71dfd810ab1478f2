package fr.sanscouture.followup;

/** What the référent decides at a milestone. */
public enum MilestoneDecision {
  CONTINUE,
  /** Ask partner structures for a contribution before the next milestone. */
  CONTRIBUTIONS,
  REORIENT,
  EXIT,
  /** Propose an immersion in a company (the model immersion). */
  IMMERSION
}
