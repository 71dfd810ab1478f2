package fr.sanscouture.access;

import static io.holunda.camunda.bpm.data.CamundaBpmData.stringVariable;

import io.holunda.camunda.bpm.data.factory.VariableFactory;

/**
 * Descriptor of {@code processes/former-referent-access.bpmn}: after a réorientation, the former
 * référent reads the parcours for 30 days (the model's timer, {@code Timer_AccessPeriodOver}); then their
 * access ends. Started by {@link ParcoursAccess},
 * with the parcours id as business key.
 */
public final class FormerReferentAccessProcess {

  public static final String KEY = "former-referent-access";
  public static final String RESOURCE = "processes/former-referent-access.bpmn";

  /** Element ids of the model. */
  public static final class Elements {
    public static final String ACCESS_PERIOD_OVER = "Timer_AccessPeriodOver";
    public static final String END_ACCESS = "Task_EndFormerReferentAccess";
    public static final String ACCESS_ENDED = "EndEvent_FormerReferentAccessEnded";

    private Elements() {}
  }

  public static final VariableFactory<String> FORMER_REFERENT = stringVariable("formerReferent");

  private FormerReferentAccessProcess() {}
}
