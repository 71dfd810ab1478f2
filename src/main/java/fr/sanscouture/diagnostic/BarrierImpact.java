package fr.sanscouture.diagnostic;

/** How much a barrier weighs on the return to work. */
public enum BarrierImpact {
  STRONG,
  MEDIUM,
  NONE
}
