package fr.sanscouture.parcours;

import static io.holunda.camunda.bpm.data.CamundaBpmData.dateVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.stringVariable;

import io.holunda.camunda.bpm.data.factory.VariableFactory;
import java.util.Date;

/**
 * Descriptor of {@code processes/parcours.bpmn}: the parcours of one person, from entry to exit.
 * The business key is the parcours id. Code and tests name the model's elements and variables
 * through this class only.
 */
public final class ParcoursProcess {

  public static final String KEY = "parcours";
  public static final String RESOURCE = "processes/parcours.bpmn";

  /** Element ids of the model. */
  public static final class Elements {
    public static final String START = "StartEvent_ParcoursRequested";
    public static final String DECIDE_RECEPTION_ORGANISATION = "Task_DecideReceptionOrganisation";
    public static final String PREPARE_RECEPTION = "Task_PrepareReception";
    public static final String SEND_INVITATION = "Task_SendInvitation";
    public static final String HOLD_RECEPTION = "Task_HoldReception";
    public static final String INVITATION_SENT = "EndEvent_InvitationSent";
    public static final String RECEPTION_HELD = "EndEvent_ReceptionHeld";

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
  /** An {@code OrganisationType} name, decided by the ReceptionOrganisation table. */
  public static final VariableFactory<String> RECEPTION_ORGANISATION_TYPE = stringVariable("receptionOrganisationType");
  /** Group id of the structure holding the reception: the candidate group of the reception task. */
  public static final VariableFactory<String> RECEPTION_ORGANISATION = stringVariable("receptionOrganisation");
  public static final VariableFactory<Date> RECEPTION_DUE_DATE = dateVariable("receptionDueDate");
  /** A {@code ReceptionOutcome} name, recorded by the referent. */
  public static final VariableFactory<String> RECEPTION_OUTCOME = stringVariable("receptionOutcome");
  /** The day of the reception, ISO (yyyy-MM-dd), as the form's date field submits it. */
  public static final VariableFactory<String> RECEPTION_DATE = stringVariable("receptionDate");
  public static final VariableFactory<String> RECEPTION_NOTES = stringVariable("receptionNotes");

  private ParcoursProcess() {}
}
