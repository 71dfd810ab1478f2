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

  /** The message the application API correlates to start a parcours. */
  public static final String MESSAGE_ENTRY_RECEIVED = "Message_EntryReceived";

  /** Element ids of the model. */
  public static final class Elements {
    public static final String START = "StartEvent_EntryReceived";
    public static final String RECEPTION = "CallActivity_Reception";
    public static final String RECEIVED = "EndEvent_Received";
    public static final String ABANDONED_AT_RECEPTION = "EndEvent_AbandonedAtReception";

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
  /** An {@link ExitReason} name, set when the parcours ends. */
  public static final VariableFactory<String> EXIT_REASON = stringVariable("exitReason");

  private ParcoursProcess() {}
}
