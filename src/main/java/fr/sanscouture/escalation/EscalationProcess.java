package fr.sanscouture.escalation;

import static io.holunda.camunda.bpm.data.CamundaBpmData.dateVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.stringVariable;

import io.holunda.camunda.bpm.data.factory.VariableFactory;
import java.util.Date;

/**
 * Descriptor of {@code processes/escalation.bpmn}: a task of the parcours is overdue; the responsable
 * de structure, then the animateur of the bassin, then the Département each get a mail and a task to
 * reassign it or justify the delay, 10 days apart. It ends as soon as the overdue task is done.
 */
public final class EscalationProcess {

  public static final String KEY = "escalation";
  public static final String RESOURCE = "processes/escalation.bpmn";
  /** Correlated to the escalation, when the overdue task is completed or deleted. */
  public static final String MESSAGE_WATCHED_TASK_DONE = "Message_WatchedTaskDone";

  /** Element ids of the model. */
  public static final class Elements {
    public static final String RAISE = "Task_RaiseEscalation";
    public static final String NOTIFY = "Task_NotifyEscalation";
    public static final String HANDLE = "Task_HandleEscalation";
    public static final String UNANSWERED = "Timer_EscalationUnanswered";
    public static final String HANDLED = "EndEvent_EscalationHandled";
    public static final String WATCHED_TASK_DONE = "EndEvent_WatchedTaskDone";

    private Elements() {}
  }

  public static final VariableFactory<String> WATCHED_TASK_ID = stringVariable("watchedTaskId");
  public static final VariableFactory<String> WATCHED_TASK_NAME = stringVariable("watchedTaskName");
  /**
   * Local variable of the overdue task itself: the process instance id of its escalation. A task without
   * it has no escalation to close when it is done.
   */
  public static final VariableFactory<String> ESCALATION_ID = stringVariable("escalationId");
  public static final VariableFactory<Date> WATCHED_TASK_DUE = dateVariable("watchedTaskDue");
  /** Group id of the structure the overdue task belongs to, when it belongs to one. */
  public static final VariableFactory<String> WATCHED_ORGANISATION = stringVariable("watchedOrganisation");
  /** An {@link EscalationLevel} name. */
  public static final VariableFactory<String> LEVEL = stringVariable("escalationLevel");
  public static final VariableFactory<String> LEVEL_LABEL = stringVariable("escalationLevelLabel");
  /** User ids of the level's people, comma-separated (candidate users of the escalation task). */
  public static final VariableFactory<String> RECIPIENTS = stringVariable("escalationRecipients");
  /** {@code REASSIGN} or {@code JUSTIFY}. */
  public static final VariableFactory<String> DECISION = stringVariable("escalationDecision");
  public static final VariableFactory<String> REASSIGN_TO = stringVariable("reassignTo");
  public static final VariableFactory<String> JUSTIFICATION = stringVariable("escalationJustification");
  /** The référents the task may be given to, as the form's select reads them (JSON: label, value). */
  public static final String REASSIGN_OPTIONS = "reassignOptions";

  public static final String REASSIGN = "REASSIGN";
  public static final String JUSTIFY = "JUSTIFY";

  private EscalationProcess() {}
}
