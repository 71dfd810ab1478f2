package fr.sanscouture.contribution;

import static io.holunda.camunda.bpm.data.CamundaBpmData.listVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.stringVariable;

import io.holunda.camunda.bpm.data.factory.VariableFactory;
import java.util.List;

/**
 * Descriptor of {@code processes/contributions.bpmn}: partner structures asked, in parallel, to
 * contribute on one barrier; it waits for their answers or 10 days, whichever comes first. Called by
 * the diagnostic and the follow-up; gives back {@link #SUMMARY}.
 */
public final class ContributionsProcess {

  public static final String KEY = "contributions";
  public static final String RESOURCE = "processes/contributions.bpmn";

  /** Element ids of the model. */
  public static final class Elements {
    public static final String CONTRIBUTE = "Task_Contribute";
    public static final String DEADLINE = "Timer_ContributionDeadline";
    public static final String ANSWERED = "EndEvent_ContributionsAnswered";
    public static final String DEADLINE_REACHED = "EndEvent_ContributionDeadlineReached";
    public static final String REPORT_UNANSWERED = "Task_ReportUnansweredContributions";
    public static final String GATHER = "Task_GatherContributions";
    public static final String GATHER_AT_DEADLINE = "Task_GatherContributionsAtDeadline";

    private Elements() {}
  }

  /** Group ids of the structures asked. */
  public static final VariableFactory<List<String>> CONTRIBUTORS = listVariable("contributors", String.class);
  /** The group id of one structure asked (the element variable of the multi-instance task). */
  public static final VariableFactory<String> CONTRIBUTOR = stringVariable("contributor");
  /** A {@code Barrier} name. */
  public static final VariableFactory<String> BARRIER = stringVariable("contributionBarrier");
  /** The barrier in French, for the partner's form. */
  public static final VariableFactory<String> BARRIER_LABEL = stringVariable("contributionBarrierLabel");
  public static final VariableFactory<String> QUESTION = stringVariable("contributionQuestion");
  /** One structure's answer, local to its own task's execution: no other structure asked reads it. */
  public static final VariableFactory<String> ANSWER = stringVariable("contributionAnswer");
  /** Local to an answered task: the group id of the structure that answered. */
  public static final VariableFactory<String> ANSWERED_BY = stringVariable("contributedBy");
  /** Local to an answered task: the answer under the name of the structure that gave it. */
  public static final VariableFactory<String> CONTRIBUTION = stringVariable("contribution");
  /** The answers, one paragraph per structure, for the référent. */
  public static final VariableFactory<String> SUMMARY = stringVariable("contributionSummary");

  private ContributionsProcess() {}
}
