package fr.sanscouture.reception;

import static fr.sanscouture.parcours.ParcoursProcess.EMPLOYMENT_AREA;
import static fr.sanscouture.parcours.ParcoursProcess.ENTRY_DATE;
import static fr.sanscouture.reception.ReceptionProcess.RECEPTION_DUE_DATE;
import static fr.sanscouture.reception.ReceptionProcess.RECEPTION_ORGANISATION;
import static fr.sanscouture.reception.ReceptionProcess.RECEPTION_ORGANISATION_TYPE;
import static fr.sanscouture.reception.ReceptionProcess.RECEPTION_STATUS;

import fr.sanscouture.access.ParcoursAccess;
import fr.sanscouture.territory.OrganisationType;
import fr.sanscouture.territory.Territory;
import java.time.Period;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code Task_PrepareReception} of the reception: the structure of the decided type that
 * serves the person's bassin receives them, within one month of entry.
 */
@Component("prepareReceptionDelegate")
public class PrepareReceptionDelegate implements JavaDelegate {

  /** The reception is held within one month of entry. */
  public static final Period RECEPTION_DELAY = Period.ofMonths(1);

  private final Territory territory;

  public PrepareReceptionDelegate(Territory territory) {
    this.territory = territory;
  }

  @Override
  public void execute(DelegateExecution execution) {
    OrganisationType type = OrganisationType.valueOf(RECEPTION_ORGANISATION_TYPE.from(execution).get());
    String area = EMPLOYMENT_AREA.from(execution).get();
    String organisation = territory.organisationServing(type, area).groupId();
    RECEPTION_ORGANISATION.on(execution).set(organisation);
    ParcoursAccess.of(execution.getProcessEngineServices()).takeCharge(execution, organisation);
    RECEPTION_DUE_DATE.on(execution).set(territory.after(ENTRY_DATE.from(execution).get(), RECEPTION_DELAY));
    RECEPTION_STATUS.on(execution).set(ReceptionStatus.INVITED.name());
  }
}
