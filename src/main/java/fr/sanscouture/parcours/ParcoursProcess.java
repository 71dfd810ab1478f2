package fr.sanscouture.parcours;

import static io.holunda.camunda.bpm.data.CamundaBpmData.booleanVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.dateVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.stringVariable;

import io.holunda.camunda.bpm.data.factory.VariableFactory;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * Descriptor of {@code processes/parcours.bpmn}: the parcours of one person, from entry to exit.
 * The business key is the parcours id. Code and tests name the model's elements and variables
 * through this class only.
 */
public final class ParcoursProcess {

  public static final String KEY = "parcours";
  public static final String RESOURCE = "processes/parcours.bpmn";

  /** The message the application API correlates to start a parcours. */
  public static final String MESSAGE_ENTRY_RECEIVED = "Message_EntryReceived";
  /** The message of the CAF or MSA flow that ends the person's RSA rights, correlated by business key. */
  public static final String MESSAGE_RSA_RIGHTS_ENDED = "Message_RsaRightsEnded";

  /** Element ids of the model. */
  public static final class Elements {
    public static final String START = "StartEvent_EntryReceived";
    public static final String RECEPTION = "CallActivity_Reception";
    public static final String ABANDONED_AT_RECEPTION = "EndEvent_AbandonedAtReception";
    public static final String DIAGNOSTIC = "CallActivity_Diagnostic";
    public static final String ORIENTATION = "CallActivity_Orientation";
    public static final String ASSIGN_LEAD_REFERENT = "Task_AssignLeadReferent";
    public static final String REFER_LEAD_ASSIGNMENT = "Task_ReferLeadAssignment";
    public static final String CHOOSE_LEAD_REFERENT = "Task_ChooseLeadReferent";
    public static final String NOTIFY_PERSON_OF_REFERENT = "Task_NotifyPersonOfReferent";
    public static final String NOTIFY_LEAD_REFERENT = "Task_NotifyLeadReferent";
    public static final String CONTRACT = "CallActivity_EngagementContract";
    public static final String FOLLOW_UP = "CallActivity_FollowUp";
    public static final String EXITED = "EndEvent_Exited";
    public static final String RSA_RIGHTS_ENDED = "EndEvent_RsaRightsEnded";

    private Elements() {}
  }

  public static final VariableFactory<String> PARCOURS_ID = stringVariable("parcoursId");
  /** An {@link EntryChannel} name. */
  public static final VariableFactory<String> ENTRY_CHANNEL = stringVariable("entryChannel");
  public static final VariableFactory<Date> ENTRY_DATE = dateVariable("entryDate");
  public static final VariableFactory<String> PERSON_FIRST_NAME = stringVariable("personFirstName");
  public static final VariableFactory<String> PERSON_LAST_NAME = stringVariable("personLastName");
  public static final VariableFactory<Date> PERSON_BIRTH_DATE = dateVariable("personBirthDate");
  public static final VariableFactory<String> PERSON_EMAIL = stringVariable("personEmail");
  public static final VariableFactory<String> POSTCODE = stringVariable("postcode");
  /** Code of the person's employment area (bassin d'emploi). */
  public static final VariableFactory<String> EMPLOYMENT_AREA = stringVariable("employmentArea");
  /** The user id of the référent unique. */
  public static final VariableFactory<String> LEAD_REFERENT = stringVariable("leadReferent");
  public static final VariableFactory<Boolean> LEAD_REFERENT_FOUND = booleanVariable("leadReferentFound");
  /** The référent before the last réorientation, who keeps read access for a while. */
  public static final VariableFactory<String> FORMER_LEAD_REFERENT = stringVariable("formerLeadReferent");
  public static final VariableFactory<Date> REFERENT_CHANGED_AT = dateVariable("referentChangedAt");
  /** User ids of the lead structure's responsables, comma-separated, when they must choose the référent. */
  public static final VariableFactory<String> LEAD_ASSIGNMENT_MANAGERS = stringVariable("leadAssignmentManagers");
  /** The référents they may choose from, as the form's select reads them (JSON: label, value). */
  public static final String LEAD_REFERENT_OPTIONS = "leadReferentOptions";
  /** {@code REORIENTATION} or {@code EXIT}: how the follow-up ended. */
  public static final VariableFactory<String> FOLLOW_UP_RESULT = stringVariable("followUpResult");
  /** An {@link ExitReason} name, set when the parcours ends. */
  public static final VariableFactory<String> EXIT_REASON = stringVariable("exitReason");

  /** « Prénom Nom », as mails and pages name the person. */
  public static String personName(VariableScope scope) {
    return PERSON_FIRST_NAME.from(scope).get() + " " + PERSON_LAST_NAME.from(scope).get();
  }

  /** « Prénom Nom », from variables read through the engine's services. */
  public static String personName(VariableMap variables) {
    return PERSON_FIRST_NAME.from(variables).get() + " " + PERSON_LAST_NAME.from(variables).get();
  }

  private ParcoursProcess() {}
}
