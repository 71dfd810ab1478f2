package fr.sanscouture.contract;

import static fr.sanscouture.contract.EngagementContractProcess.CONTRACT_DUE_DATE;
import static fr.sanscouture.contract.EngagementContractProcess.CONTRACT_REMINDER_DATE;
import static fr.sanscouture.orientation.OrientationProcess.ORIENTATION_DATE;

import fr.sanscouture.territory.Territory;
import java.time.Period;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code Task_PrepareContract} of the contract: it is due one month after the orientation
 * decision, so a réorientation opens a new month; the référent is reminded a week before.
 */
@Component("prepareContractDelegate")
public class PrepareContractDelegate implements JavaDelegate {

  /** The engagement contract is signed within a month of the orientation decision. */
  public static final Period CONTRACT_DELAY = Period.ofMonths(1);
  /** The référent is reminded a week before the deadline. */
  static final Period REMINDER_BEFORE_DUE = Period.ofWeeks(1);

  private final Territory territory;

  public PrepareContractDelegate(Territory territory) {
    this.territory = territory;
  }

  @Override
  public void execute(DelegateExecution execution) {
    java.util.Date due = territory.after(ORIENTATION_DATE.from(execution).get(), CONTRACT_DELAY);
    CONTRACT_DUE_DATE.on(execution).set(due);
    CONTRACT_REMINDER_DATE.on(execution).set(territory.after(due, REMINDER_BEFORE_DUE.negated()));
  }
}
