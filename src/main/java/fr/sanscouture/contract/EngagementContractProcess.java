package fr.sanscouture.contract;

import static io.holunda.camunda.bpm.data.CamundaBpmData.dateVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.stringVariable;

import io.holunda.camunda.bpm.data.factory.VariableFactory;
import java.util.Date;

/**
 * Descriptor of {@code processes/engagement-contract.bpmn}: the contrat d'engagement, signed by the
 * person and their référent within one month of the orientation decision.
 */
public final class EngagementContractProcess {

  public static final String KEY = "engagement-contract";
  public static final String RESOURCE = "processes/engagement-contract.bpmn";

  /** Element ids of the model. */
  public static final class Elements {
    public static final String PREPARE_CONTRACT = "Task_PrepareContract";
    public static final String SIGN_CONTRACT = "Task_SignContract";
    public static final String SIGNED = "EndEvent_ContractSigned";

    private Elements() {}
  }

  public static final VariableFactory<Date> CONTRACT_DUE_DATE = dateVariable("contractDueDate");
  public static final VariableFactory<Date> CONTRACT_REMINDER_DATE = dateVariable("contractReminderDate");
  /** The actions of the plan: the form's checklist, a JSON array of offer catalogue codes. */
  public static final String PLAN_ACTIONS = "planActions";
  /** Weekly hours of activity: 15 unless reduced or waived with a reason. */
  public static final String WEEKLY_HOURS = "weeklyHours";
  /** {@code HEALTH}, {@code CHILDCARE} or {@code OTHER}: why the hours differ from 15. */
  public static final VariableFactory<String> HOURS_REASON = stringVariable("hoursReason");
  public static final VariableFactory<String> HOURS_REASON_DETAIL = stringVariable("hoursReasonDetail");
  /** The day of signature, ISO (yyyy-MM-dd). */
  public static final VariableFactory<String> SIGNED_ON = stringVariable("contractSignedOn");

  public static final int DEFAULT_WEEKLY_HOURS = 15;

  private EngagementContractProcess() {}
}
