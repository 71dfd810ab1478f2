package fr.sanscouture.timeline;

import java.util.List;

/**
 * A person's shared parcours as a référent reads it beside a task: what was done and by whom, who is
 * in charge, what is open. Instants are ISO-8601 strings; a null end means still open.
 */
public record Timeline(
    String parcoursId,
    String person,
    String enteredAt,
    String organisationInCharge,
    String leadReferent,
    List<String> organisations,
    List<Step> steps,
    List<Step> openMilestones,
    List<Immersion> immersions,
    List<Escalation> escalations) {

  /** A phase of the parcours ({@code phase}) or a task of it ({@code task}). */
  public record Step(String kind, String name, String startedAt, String endedAt, String dueAt, String doneBy,
      String organisation, boolean cancelled) {}

  public record Immersion(String company, String job, String from, String to, String startedAt, String endedAt,
      String outcome) {}

  public record Escalation(String task, String level, String raisedAt, String closedAt) {}
}
