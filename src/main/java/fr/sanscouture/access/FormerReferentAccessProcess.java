package fr.sanscouture.access;

import static io.holunda.camunda.bpm.data.CamundaBpmData.dateVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.stringVariable;

import io.holunda.camunda.bpm.data.factory.VariableFactory;
import java.time.Duration;
import java.util.Date;

/**
 * Descriptor of {@code processes/former-referent-access.bpmn}: after a réorientation, the former
 * référent reads the parcours for 30 days; then their access ends. Started by {@link ParcoursAccess},
 * with the parcours id as business key.
 */
public final class FormerReferentAccessProcess {

  public static final String KEY = "former-referent-access";
  public static final String RESOURCE = "processes/former-referent-access.bpmn";
  /** How long the former référent keeps reading the parcours after the réorientation. */
  public static final Duration DURATION = Duration.ofDays(30);

  /** Element ids of the model. */
  public static final class Elements {
    public static final String ACCESS_PERIOD_OVER = "Timer_AccessPeriodOver";
    public static final String END_ACCESS = "Task_EndFormerReferentAccess";
    public static final String ACCESS_ENDED = "EndEvent_FormerReferentAccessEnded";

    private Elements() {}
  }

  public static final VariableFactory<String> FORMER_REFERENT = stringVariable("formerReferent");
  public static final VariableFactory<String> PARCOURS_ROOT_INSTANCE = stringVariable("parcoursRootInstanceId");
  public static final VariableFactory<Date> ACCESS_ENDS_AT = dateVariable("accessEndsAt");

  static Date endOfAccess(Date changedAt) {
    return Date.from(changedAt.toInstant().plus(DURATION));
  }

  private FormerReferentAccessProcess() {}
}
