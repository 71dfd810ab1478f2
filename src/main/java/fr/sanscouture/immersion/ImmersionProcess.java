package fr.sanscouture.immersion;

import static io.holunda.camunda.bpm.data.CamundaBpmData.booleanVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.dateVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.intVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.stringVariable;

import io.holunda.camunda.bpm.data.factory.VariableFactory;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;

/**
 * Descriptor of {@code processes/immersion.bpmn}: an immersion in a company (PMSMP), from the référent's
 * request to the tutor's bilan, with one renewal at most. Called from the follow-up.
 */
public final class ImmersionProcess {

  public static final String KEY = "immersion";
  public static final String RESOURCE = "processes/immersion.bpmn";

  /** Element ids of the model. */
  public static final class Elements {
    public static final String REQUEST = "Task_RequestImmersion";
    public static final String SEND_PERSON_LINK = "Task_SendPersonLink";
    public static final String SEND_COMPANY_LINK = "Task_SendCompanyLink";
    public static final String PERSON_SIGNATURE = "ReceiveTask_PersonSignature";
    public static final String COMPANY_SIGNATURE = "ReceiveTask_CompanySignature";
    public static final String SIGN_AS_ACCOMPANYING = "Task_SignAsAccompanyingStructure";
    public static final String VALIDATE_AGREEMENT = "Task_ValidateAgreement";
    public static final String NEXT_REMINDER = "Timer_NextReminder";
    public static final String SEND_REMINDER = "Task_SendReminder";
    public static final String AGREEMENT_DEADLINE = "Timer_AgreementDeadline";
    public static final String CANCEL_AGREEMENT = "Task_CancelAgreement";
    public static final String IMMERSION_ENDED = "Timer_ImmersionEnded";
    public static final String TUTOR_REVIEW = "ReceiveTask_TutorReview";
    public static final String REVIEW_OVERDUE = "Timer_ReviewOverdue";
    public static final String ENTER_REVIEW = "Task_EnterReview";
    public static final String RECORD_REVIEW = "Task_RecordReview";
    public static final String NO_REMINDER_LEFT = "EndEvent_NoReminderLeft";
    public static final String WITHDRAWN = "EndEvent_RequestWithdrawn";
    public static final String CANCELLED = "EndEvent_AgreementCancelled";
    public static final String HIRED = "EndEvent_Hired";
    public static final String BACK_TO_FOLLOW_UP = "EndEvent_BackToFollowUp";

    private Elements() {}
  }

  /** The messages the signature and bilan pages correlate. */
  public static final String MESSAGE_PERSON_SIGNED = "Message_PersonSigned";
  public static final String MESSAGE_COMPANY_SIGNED = "Message_CompanySigned";
  public static final String MESSAGE_TUTOR_REVIEWED = "Message_TutorReviewed";

  // The request (form immersion-request)
  /** {@code SUBMIT} or {@code WITHDRAW}. */
  public static final VariableFactory<String> REQUEST_DECISION = stringVariable("immersionRequestDecision");
  public static final VariableFactory<String> COMPANY_NAME = stringVariable("companyName");
  /** 14 digits, checked with their Luhn key ({@link Siret}). */
  public static final VariableFactory<String> COMPANY_SIRET = stringVariable("companySiret");
  public static final VariableFactory<String> TUTOR_NAME = stringVariable("tutorName");
  public static final VariableFactory<String> TUTOR_EMAIL = stringVariable("tutorEmail");
  public static final VariableFactory<String> JOB = stringVariable("immersionJob");
  /** An {@link ImmersionObjective} name. */
  public static final VariableFactory<String> OBJECTIVE = stringVariable("immersionObjective");
  /** First day, {@code yyyy-MM-dd} as the form's date picker gives it. */
  public static final VariableFactory<String> START = stringVariable("immersionStart");
  /** Last day, {@code yyyy-MM-dd}. */
  public static final VariableFactory<String> END = stringVariable("immersionEnd");
  /** A number of hours a week (the form's number field: a Long or a Double). */
  public static final String WEEKLY_HOURS = "immersionWeeklyHours";
  public static final VariableFactory<String> RENEWAL_JUSTIFICATION = stringVariable("renewalJustification");
  /** Whether the request is the renewal of the immersion just reviewed. */
  public static final VariableFactory<Boolean> RENEWAL = booleanVariable("immersionRenewal");

  // The agreement (Task_PrepareAgreement)
  public static final VariableFactory<String> AGREEMENT_ID = stringVariable("agreementId");
  /** The group of the structure that prescribes and validates. */
  public static final VariableFactory<String> PRESCRIBER = stringVariable("prescriberOrganisation");
  /** The lead structure's référent, when the lead structure prescribes; the validation task is theirs. */
  public static final VariableFactory<String> VALIDATOR = stringVariable("agreementValidator");
  /** Whether the lead structure signs as accompanying structure (it is not the prescriber). */
  public static final VariableFactory<Boolean> ACCOMPANYING_SIGNS = booleanVariable("accompanyingSigns");
  /** The dates in French words, for the forms ("du 30 novembre 2026 au 11 décembre 2026"). */
  public static final VariableFactory<String> PERIOD = stringVariable("immersionPeriod");
  /** The start day at midnight: an agreement not validated by then is cancelled. */
  public static final VariableFactory<Date> AGREEMENT_DEADLINE = dateVariable("agreementDeadline");
  /** The last day's end of work: the tutor is then asked for the bilan. */
  public static final VariableFactory<Date> ENDS_AT = dateVariable("immersionEndsAt");
  /** After this the référent records the bilan in Tasklist. */
  public static final VariableFactory<Date> REVIEW_DEADLINE = dateVariable("reviewDeadline");

  // Signatures and validation (who signed through a link: the agreement's row)
  /** The name the company's signatory typed. */
  public static final VariableFactory<String> COMPANY_SIGNATORY = stringVariable("companySignatory");
  public static final VariableFactory<Boolean> ACCOMPANYING_SIGNED = booleanVariable("accompanyingSigned");
  /** {@code VALIDATE} or {@code REFUSE} (form immersion-validation). */
  public static final VariableFactory<String> VALIDATION_DECISION = stringVariable("agreementDecision");
  public static final VariableFactory<String> REFUSAL_REASON = stringVariable("agreementRefusalReason");
  /** {@code VALIDATED} or {@code REFUSED}, when the prescriber has decided. */
  public static final VariableFactory<String> AGREEMENT_STATUS = stringVariable("agreementStatus");

  // Reminders (Task_PlanNextReminder)
  public static final VariableFactory<Date> NEXT_REMINDER_AT = dateVariable("nextReminderAt");
  /** A {@link Reminder} name, or {@code NONE} when none is left before the start. */
  public static final VariableFactory<String> NEXT_REMINDER = stringVariable("nextReminder");

  // The bilan (the tutor's page, or form immersion-review)
  /** An {@link ImmersionReview.Attendance} name. */
  public static final VariableFactory<String> REVIEW_ATTENDANCE = stringVariable("reviewAttendance");
  public static final VariableFactory<String> REVIEW_SKILLS = stringVariable("reviewSkills");
  /** An {@link ImmersionReview.Hiring} name. */
  public static final VariableFactory<String> REVIEW_HIRING = stringVariable("reviewHiring");
  /** For a fixed-term hiring: its length in months. */
  public static final String REVIEW_HIRING_MONTHS = "reviewHiringMonths";
  public static final VariableFactory<Boolean> REVIEW_RENEWAL_ASKED = booleanVariable("reviewRenewalAsked");
  public static final VariableFactory<String> REVIEW_RENEWAL_REASON = stringVariable("reviewRenewalReason");
  /** Who gave the bilan: the tutor's name, or the référent's user id. */
  public static final VariableFactory<String> REVIEWED_BY = stringVariable("reviewedBy");

  // What the follow-up gets back
  /** {@code HIRED}, {@code RENEWAL} (inside the process), {@code CONTINUE}: what follows the immersion. */
  public static final VariableFactory<String> RESULT = stringVariable("immersionResult");
  /** How many of the agreements so far were renewals: 0 or 1. */
  public static final VariableFactory<Integer> RENEWAL_COUNT = intVariable("immersionRenewalCount");
  /** What each agreement has of its own, cleared for a renewal's. */
  static final List<String> PER_AGREEMENT = Stream.concat(Stream.of(START, END, REQUEST_DECISION, COMPANY_SIGNATORY, ACCOMPANYING_SIGNED,
      VALIDATION_DECISION, REFUSAL_REASON, AGREEMENT_STATUS, REVIEW_ATTENDANCE, REVIEW_SKILLS, REVIEW_HIRING,
      REVIEW_RENEWAL_ASKED, REVIEW_RENEWAL_REASON, REVIEWED_BY).map(VariableFactory::getName), Stream.of(REVIEW_HIRING_MONTHS)).toList();
  /** One French line per immersion of the parcours, its bilan or why it did not take place. */
  public static final VariableFactory<String> RECORD = stringVariable("immersionRecord");

  public static final String HIRED = "HIRED";
  public static final String RENEWAL_GRANTED = "RENEWAL";
  public static final String CONTINUE = "CONTINUE";

  private ImmersionProcess() {}
}
