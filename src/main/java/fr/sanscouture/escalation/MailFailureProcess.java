package fr.sanscouture.escalation;

import static io.holunda.camunda.bpm.data.CamundaBpmData.stringVariable;

import io.holunda.camunda.bpm.data.factory.VariableFactory;

/**
 * Descriptor of {@code processes/mail-failure.bpmn}: a mail of the parcours that did not leave after all
 * its tries (an incident) goes to the structure's responsable — or up the {@link EscalationChain} — who
 * sends it again once the mail server is back; retried from Cockpit, or gone with its parcours, the
 * task closes by itself ({@link MailFailureIncidents} starts and ends it).
 */
public final class MailFailureProcess {

  public static final String KEY = "mail-failure";
  public static final String RESOURCE = "processes/mail-failure.bpmn";
  public static final String MESSAGE_RETRIED = "Message_MailRetried";

  /** Element ids of the model. */
  public static final class Elements {
    public static final String FIND_HOLDERS = "Task_FindMailFailureHolders";
    public static final String RETRY_MAIL = "Task_RetryMail";
    public static final String SEND_AGAIN = "Task_SendAgain";
    public static final String RETRIED = "EndEvent_MailRetried";
    public static final String RETRIED_ELSEWHERE = "EndEvent_RetriedElsewhere";

    private Elements() {}
  }

  /** The job of the mail, whose incident this is. */
  public static final VariableFactory<String> FAILED_JOB_ID = stringVariable("failedJobId");
  /** The incident's message: which mail, and why it did not leave. */
  public static final VariableFactory<String> FAILURE = stringVariable("mailFailure");
  /** The structure the mail's parcours is with, when its instance says so. */
  public static final VariableFactory<String> ORGANISATION = stringVariable("mailFailureOrganisation");
  /** Who may send it again, comma-separated user ids. */
  public static final VariableFactory<String> HOLDERS = stringVariable("mailFailureHolders");

  private MailFailureProcess() {}
}
