package fr.sanscouture.sla;

/**
 * The figures of one bassin or one structure. Shares and medians count the steps done by the parcours
 * entered over the period; late tasks and open escalations are those of now.
 */
public record SlaRow(
    Scope scope,
    String code,
    String name,
    long parcoursEntered,
    long overdueTasks,
    long openEscalations,
    Share receptionsWithinAMonth,
    Share orientationsWithinSixWeeks,
    Share contractsWithinAMonth,
    Double medianReceptionDays,
    Double medianOrientationDays,
    Double medianContractDays) {

  /** What a row is about. */
  public enum Scope { BASSIN, STRUCTURE }

  /** How many steps were done in time, out of how many were done. */
  public record Share(long onTime, long total) {

    /** The share in time, or null when nothing was done. */
    public Double ratio() {
      return total == 0 ? null : (double) onTime / total;
    }
  }
}
