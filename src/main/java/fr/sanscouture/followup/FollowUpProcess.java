package fr.sanscouture.followup;

import static io.holunda.camunda.bpm.data.CamundaBpmData.booleanVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.intVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.stringVariable;

import io.holunda.camunda.bpm.data.factory.VariableFactory;

/**
 * Descriptor of {@code processes/follow-up.bpmn}: the shared follow-up, milestone after milestone at the
 * rhythm the table MilestonePlan gives, until the référent asks for a réorientation or declares an exit.
 */
public final class FollowUpProcess {

  public static final String KEY = "follow-up";
  public static final String RESOURCE = "processes/follow-up.bpmn";
  public static final String PLAN_DECISION_RESOURCE = "processes/milestone-plan.dmn";
  public static final String PLAN_DECISION = "MilestonePlan";
  /** The form of a milestone: a user task showing it is a milestone ({@link MilestonePlugin}). */
  public static final String MILESTONE_FORM = "milestone";

  /** Element ids of the model. */
  public static final class Elements {
    public static final String COUNT_MILESTONE = "Task_CountMilestone";
    public static final String PLAN_MILESTONE = "Task_PlanMilestone";
    public static final String HOLD_MILESTONE = "Task_HoldMilestone";
    public static final String HOLD_JOINT_REDIAGNOSIS = "Task_HoldJointRediagnosis";
    public static final String CONTRIBUTIONS = "CallActivity_Contributions";
    public static final String REORIENTATION_REQUESTED = "EndEvent_ReorientationRequested";
    public static final String EXIT_DECLARED = "EndEvent_ExitDeclared";
    public static final String IMMERSION = "CallActivity_Immersion";
    public static final String HIRED_AFTER_IMMERSION = "EndEvent_HiredAfterImmersion";

    private Elements() {}
  }

  /** The milestone's rank in this follow-up (a réorientation starts a new follow-up). */
  public static final VariableFactory<Integer> MILESTONE_NUMBER = intVariable("milestoneNumber");
  /** {@code MILESTONE} or {@code JOINT_REDIAGNOSIS}, from the table MilestonePlan. */
  public static final VariableFactory<String> MILESTONE_KIND = stringVariable("milestoneKind");
  /** ISO period until the milestone is due, from the table MilestonePlan. */
  public static final VariableFactory<String> MILESTONE_RHYTHM = stringVariable("milestoneRhythm");
  /** ISO period after which the milestone is overdue and escalated (its rhythm and 15 days). */
  public static final VariableFactory<String> MILESTONE_OVERDUE_AFTER = stringVariable("milestoneOverdueAfter");
  public static final VariableFactory<String> ACTIONS_PROGRESS = stringVariable("actionsProgress");
  public static final VariableFactory<String> BARRIERS_PROGRESS = stringVariable("barriersProgress");
  /** A {@link MilestoneDecision} name. */
  public static final VariableFactory<String> DECISION = stringVariable("milestoneDecision");
  public static final VariableFactory<String> REORIENTATION_REASON = stringVariable("reorientationReason");
  /** For an exit to a job: its duration in months, unless permanent. */
  public static final String JOB_DURATION_MONTHS = "jobDurationMonths";
  public static final VariableFactory<Boolean> JOB_PERMANENT = booleanVariable("jobPermanent");

  public static final String REORIENTATION = "REORIENTATION";
  public static final String EXIT = "EXIT";

  private FollowUpProcess() {}
}
