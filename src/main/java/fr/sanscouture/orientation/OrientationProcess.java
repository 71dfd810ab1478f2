package fr.sanscouture.orientation;

import static io.holunda.camunda.bpm.data.CamundaBpmData.dateVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.intVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.stringVariable;

import io.holunda.camunda.bpm.data.factory.VariableFactory;
import java.util.Date;

/**
 * Descriptor of {@code processes/orientation.bpmn}: the tables OrientationPath and LeadOrganisation
 * propose a path and a lead structure type; a chargé d'orientation confirms or overrides them. Gives
 * back the path, the lead structure and the day of the decision.
 */
public final class OrientationProcess {

  public static final String KEY = "orientation";
  public static final String RESOURCE = "processes/orientation.bpmn";
  public static final String PATH_DECISION_RESOURCE = "processes/orientation-path.dmn";
  public static final String LEAD_DECISION_RESOURCE = "processes/lead-organisation.dmn";
  public static final String PATH_DECISION = "OrientationPath";
  public static final String LEAD_DECISION = "LeadOrganisation";

  /** Element ids of the model. */
  public static final class Elements {
    public static final String PREPARE_ORIENTATION = "Task_PrepareOrientation";
    public static final String DECIDE_PATH = "Task_DecidePath";
    public static final String DECIDE_LEAD_ORGANISATION = "Task_DecideLeadOrganisation";
    public static final String CONFIRM_ORIENTATION = "Task_ConfirmOrientation";
    public static final String ORIENTED = "EndEvent_Oriented";

    private Elements() {}
  }

  public static final VariableFactory<Integer> PERSON_AGE = intVariable("personAge");
  /** How many orientations were decided; a réorientation is the second or a later one. */
  public static final VariableFactory<Integer> ORIENTATION_COUNT = intVariable("orientationCount");
  public static final VariableFactory<Date> ORIENTATION_DUE_DATE = dateVariable("orientationDueDate");
  public static final VariableFactory<Date> ORIENTATION_REMINDER_DATE = dateVariable("orientationReminderDate");
  /** An {@link OrientationPath} name proposed by the table OrientationPath, with the rule that matched. */
  public static final VariableFactory<String> PROPOSED_PATH = stringVariable("proposedPath");
  public static final VariableFactory<String> PATH_RULE = stringVariable("pathRule");
  /** An {@code OrganisationType} name proposed by the table LeadOrganisation, with the rule that matched. */
  public static final VariableFactory<String> PROPOSED_ORGANISATION_TYPE = stringVariable("proposedOrganisationType");
  public static final VariableFactory<String> LEAD_RULE = stringVariable("leadRule");
  /** {@link #CONFIRM} or {@link #OVERRIDE}, by the chargé d'orientation. */
  public static final VariableFactory<String> DECISION = stringVariable("orientationDecision");
  public static final VariableFactory<String> OVERRIDE_PATH = stringVariable("overridePath");
  public static final VariableFactory<String> OVERRIDE_ORGANISATION_TYPE = stringVariable("overrideOrganisationType");
  public static final VariableFactory<String> OVERRIDE_REASON = stringVariable("overrideReason");
  /** The decided {@link OrientationPath} name. */
  public static final VariableFactory<String> ORIENTATION_PATH = stringVariable("orientationPath");
  public static final VariableFactory<String> LEAD_ORGANISATION_TYPE = stringVariable("leadOrganisationType");
  /** Group id of the lead structure in the person's bassin. */
  public static final VariableFactory<String> LEAD_ORGANISATION = stringVariable("leadOrganisation");
  public static final VariableFactory<Date> ORIENTATION_DATE = dateVariable("orientationDate");

  public static final String CONFIRM = "CONFIRM";
  public static final String OVERRIDE = "OVERRIDE";

  private OrientationProcess() {}
}
