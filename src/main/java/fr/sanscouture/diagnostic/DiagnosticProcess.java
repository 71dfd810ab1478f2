package fr.sanscouture.diagnostic;

import static io.holunda.camunda.bpm.data.CamundaBpmData.booleanVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.intVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.stringVariable;

import io.holunda.camunda.bpm.data.factory.VariableFactory;

/**
 * Descriptor of {@code processes/diagnostic.bpmn}: the shared socio-professional diagnostic, done once
 * by the reception structure, with the contributions of partner structures. The barriers' variables
 * are those of {@link Barrier}.
 */
public final class DiagnosticProcess {

  public static final String KEY = "diagnostic";
  public static final String RESOURCE = "processes/diagnostic.bpmn";

  /** Element ids of the model. */
  public static final class Elements {
    public static final String RECORD_DIAGNOSTIC = "Task_RecordDiagnostic";
    public static final String CONTRIBUTIONS = "CallActivity_Contributions";
    public static final String CONCLUDE_DIAGNOSTIC = "Task_ConcludeDiagnostic";
    public static final String DIAGNOSED = "EndEvent_Diagnosed";

    private Elements() {}
  }

  /** Activity now or within the last 2 years (2024 referential). */
  public static final VariableFactory<Boolean> RECENT_ACTIVITY = booleanVariable("recentActivity");
  /** The person pictures themselves in a job (2024 referential). */
  public static final VariableFactory<Boolean> CAN_PICTURE_JOB = booleanVariable("canPictureJob");
  /** A {@link QualificationLevel} name. */
  public static final VariableFactory<String> QUALIFICATION_LEVEL = stringVariable("qualificationLevel");
  /** Recognised disabled worker (RQTH): sensitive, never shown in a task name or a mail. */
  public static final VariableFactory<Boolean> RQTH = booleanVariable("rqth");
  /** The person does not want the Mission locale or Cap emploi as lead structure. */
  public static final VariableFactory<Boolean> DECLINES_SPECIALISED = booleanVariable("declinesSpecialisedStructure");
  public static final VariableFactory<Integer> STRONG_BARRIERS = intVariable("strongBarrierCount");
  public static final VariableFactory<Integer> MEDIUM_BARRIERS = intVariable("mediumBarrierCount");
  public static final VariableFactory<Boolean> CONTRIBUTIONS_REQUESTED = booleanVariable("contributionsRequested");

  private DiagnosticProcess() {}
}
