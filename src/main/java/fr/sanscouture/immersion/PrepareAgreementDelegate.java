package fr.sanscouture.immersion;

import static fr.sanscouture.immersion.ImmersionProcess.*;
import static fr.sanscouture.orientation.OrientationProcess.LEAD_ORGANISATION;
import static fr.sanscouture.parcours.ParcoursProcess.EMPLOYMENT_AREA;
import static fr.sanscouture.parcours.ParcoursProcess.LEAD_REFERENT;
import static fr.sanscouture.parcours.ParcoursProcess.PARCOURS_ID;

import fr.sanscouture.territory.OrganisationType;
import fr.sanscouture.territory.Territory;
import java.time.LocalDate;
import java.time.LocalTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code Task_PrepareAgreement}: records the agreement, and says who prescribes it — the lead
 * structure when it may, the Département of the person's bassin otherwise, the lead structure then
 * signing as accompanying structure — and the instants the process waits for.
 */
@Component("prepareAgreementDelegate")
public class PrepareAgreementDelegate implements JavaDelegate {

  /** When the tutor is asked for the bilan, on the last day. */
  static final LocalTime END_OF_WORK = LocalTime.of(17, 0);
  /** How long the tutor has for the bilan before the référent records it. */
  static final int REVIEW_DAYS = 15;

  private final ImmersionAgreements agreements;
  private final Territory territory;

  public PrepareAgreementDelegate(ImmersionAgreements agreements, Territory territory) {
    this.agreements = agreements;
    this.territory = territory;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate start = LocalDate.parse(START.from(execution).get());
    LocalDate end = LocalDate.parse(END.from(execution).get());
    AGREEMENT_ID.on(execution).set(agreements.register(PARCOURS_ID.from(execution).get(), execution.getProcessInstanceId(), start, end));

    String lead = LEAD_ORGANISATION.from(execution).get();
    boolean leadPrescribes = territory.organisationByGroupId(lead).type().prescribesImmersions();
    PRESCRIBER.on(execution).set(leadPrescribes ? lead
        : territory.organisationServing(OrganisationType.DEPARTEMENT, EMPLOYMENT_AREA.from(execution).get()).groupId());
    VALIDATOR.on(execution).set(leadPrescribes ? LEAD_REFERENT.from(execution).get() : null);
    ACCOMPANYING_SIGNS.on(execution).set(!leadPrescribes);

    PERIOD.on(execution).set("du " + start.format(ImmersionRules.DAY) + " au " + end.format(ImmersionRules.DAY));
    AGREEMENT_DEADLINE.on(execution).set(territory.at(start, LocalTime.MIDNIGHT));
    ENDS_AT.on(execution).set(territory.at(end, END_OF_WORK));
    REVIEW_DEADLINE.on(execution).set(territory.at(end.plusDays(REVIEW_DAYS), END_OF_WORK));
  }
}
