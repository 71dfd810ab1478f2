package fr.sanscouture.contract;

import static fr.sanscouture.contract.EngagementContractProcess.CONTRACT_DUE_DATE;
import static fr.sanscouture.orientation.OrientationProcess.ORIENTATION_DATE;

import fr.sanscouture.territory.Territory;
import java.time.Period;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code Task_PrepareContract} of the contract: it is due one month after the orientation
 * decision, so a réorientation opens a new month.
 */
@Component("prepareContractDelegate")
public class PrepareContractDelegate implements JavaDelegate {

  /** DOMAIN.md, step 6. */
  public static final Period CONTRACT_DELAY = Period.ofMonths(1);

  private final Territory territory;

  public PrepareContractDelegate(Territory territory) {
    this.territory = territory;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CONTRACT_DUE_DATE.on(execution).set(territory.after(ORIENTATION_DATE.from(execution).get(), CONTRACT_DELAY));
  }
}
