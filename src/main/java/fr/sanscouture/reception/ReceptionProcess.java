package fr.sanscouture.reception;

import static io.holunda.camunda.bpm.data.CamundaBpmData.booleanVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.dateVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.intVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.stringVariable;

import io.holunda.camunda.bpm.data.factory.VariableFactory;
import java.util.Date;

/**
 * Descriptor of {@code processes/reception.bpmn}: the reception (accueil) of one person, called by the
 * parcours. It reads the person's variables of {@code ParcoursProcess} and gives back
 * {@link #RECEPTION_RESULT}.
 */
public final class ReceptionProcess {

  public static final String KEY = "reception";
  public static final String RESOURCE = "processes/reception.bpmn";

  /** Element ids of the model. */
  public static final class Elements {
    public static final String DECIDE_RECEPTION_ORGANISATION = "Task_DecideReceptionOrganisation";
    public static final String PREPARE_RECEPTION = "Task_PrepareReception";
    public static final String SEND_INVITATION = "Task_SendInvitation";
    public static final String INVITATION_SENT = "EndEvent_InvitationSent";
    public static final String PLAN_APPOINTMENT = "Task_PlanAppointment";
    public static final String PLANNING_REMINDER = "Timer_PlanningReminder";
    public static final String SEND_PLANNING_REMINDER = "Task_SendPlanningReminder";
    public static final String DEADLINE_WHILE_PLANNING = "Timer_ReceptionDeadlineWhilePlanning";
    public static final String DEADLINE_WHILE_HOLDING = "Timer_ReceptionDeadlineWhileHolding";
    public static final String MARK_RECEPTION_EXPIRED = "Task_MarkReceptionExpired";
    public static final String HOLD_RECEPTION = "Task_HoldReception";
    public static final String APPOINTMENT_REMINDER = "Timer_AppointmentReminder";
    public static final String SEND_APPOINTMENT_REMINDER = "Task_SendAppointmentReminder";
    public static final String RECORD_NO_SHOW = "Task_RecordNoShow";
    public static final String REFER_TO_MANAGER = "Task_ReferToManager";
    public static final String REVIEW_RECEPTION = "Task_ReviewReception";
    public static final String PERSON_RECEIVED = "EndEvent_PersonReceived";
    public static final String RECEPTION_ABANDONED = "EndEvent_ReceptionAbandoned";

    private Elements() {}
  }

  /** An {@code OrganisationType} name, decided by the ReceptionOrganisation table. */
  public static final VariableFactory<String> RECEPTION_ORGANISATION_TYPE = stringVariable("receptionOrganisationType");
  /** Group id of the structure holding the reception: the candidate group of its tasks. */
  public static final VariableFactory<String> RECEPTION_ORGANISATION = stringVariable("receptionOrganisation");
  public static final VariableFactory<Date> RECEPTION_DUE_DATE = dateVariable("receptionDueDate");
  /** A {@link ReceptionStatus} name: where the reception stands. */
  public static final VariableFactory<String> RECEPTION_STATUS = stringVariable("receptionStatus");
  /** The appointment as the form submits it (ISO date-time). */
  public static final VariableFactory<String> APPOINTMENT = stringVariable("appointment");
  public static final VariableFactory<String> APPOINTMENT_PLACE = stringVariable("appointmentPlace");
  public static final VariableFactory<Date> APPOINTMENT_AT = dateVariable("appointmentAt");
  public static final VariableFactory<Date> APPOINTMENT_REMINDER_AT = dateVariable("appointmentReminderAt");
  /** A {@link ReceptionOutcome} name, recorded by the referent. */
  public static final VariableFactory<String> RECEPTION_OUTCOME = stringVariable("receptionOutcome");
  /** The day of the reception, ISO (yyyy-MM-dd), as the form's date field submits it. */
  public static final VariableFactory<String> RECEPTION_DATE = stringVariable("receptionDate");
  public static final VariableFactory<String> RECEPTION_NOTES = stringVariable("receptionNotes");
  public static final VariableFactory<Integer> NO_SHOW_COUNT = intVariable("noShowCount");
  public static final VariableFactory<Boolean> MAY_INVITE_AGAIN = booleanVariable("mayInviteAgain");
  /** User ids of the responsables of the reception structure, comma-separated (candidate users). */
  public static final VariableFactory<String> RECEPTION_MANAGERS = stringVariable("receptionManagers");
  /** {@code INVITE_AGAIN} or {@code CLOSE}, decided by the responsable. */
  public static final VariableFactory<String> REVIEW_DECISION = stringVariable("receptionReviewDecision");
  public static final VariableFactory<String> REVIEW_REASON = stringVariable("receptionReviewReason");
  /** What the reception gives back to the parcours: {@code RECEIVED} or {@code ABANDONED}. */
  public static final VariableFactory<String> RECEPTION_RESULT = stringVariable("receptionResult");

  /** The person came to their reception. */
  public static final String RECEIVED = "RECEIVED";
  /** The responsable closed the reception after repeated absences. */
  public static final String ABANDONED = "ABANDONED";
  public static final String INVITE_AGAIN = "INVITE_AGAIN";
  public static final String CLOSE = "CLOSE";
  /** New invitations after an absence before the responsable decides: at most 2. */
  public static final int NEW_INVITATIONS_AFTER_NO_SHOW = 2;

  private ReceptionProcess() {}
}
