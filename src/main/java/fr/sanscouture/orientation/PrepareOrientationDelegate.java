package fr.sanscouture.orientation;

import static fr.sanscouture.orientation.OrientationProcess.ORIENTATION_COUNT;
import static fr.sanscouture.orientation.OrientationProcess.ORIENTATION_DUE_DATE;
import static fr.sanscouture.orientation.OrientationProcess.ORIENTATION_REMINDER_DATE;
import static fr.sanscouture.orientation.OrientationProcess.PERSON_AGE;
import static fr.sanscouture.parcours.ParcoursProcess.ENTRY_DATE;
import static fr.sanscouture.parcours.ParcoursProcess.PERSON_BIRTH_DATE;

import fr.sanscouture.territory.Territory;
import java.time.Period;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Service task {@code Task_PrepareOrientation} of the orientation: the person's age for the table
 * LeadOrganisation, and the deadline: 6 weeks after entry, or after the request for a réorientation; a
 * reminder a week before.
 */
@Component("prepareOrientationDelegate")
public class PrepareOrientationDelegate implements JavaDelegate {

  /** The orientation is decided within 6 weeks of entry. */
  public static final Period ORIENTATION_DELAY = Period.ofWeeks(6);
  /** The chargés d'orientation are reminded a week before the deadline. */
  static final Period REMINDER_BEFORE_DUE = Period.ofWeeks(1);

  private final Territory territory;

  public PrepareOrientationDelegate(Territory territory) {
    this.territory = territory;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PERSON_AGE.on(execution).set(Period.between(territory.dayOf(PERSON_BIRTH_DATE.from(execution).get()), territory.today()).getYears());
    boolean reorientation = ORIENTATION_COUNT.from(execution).getOptional().orElse(0) > 0;
    Date from = reorientation ? ClockUtil.getCurrentTime() : ENTRY_DATE.from(execution).get();
    Date due = territory.after(from, ORIENTATION_DELAY);
    ORIENTATION_DUE_DATE.on(execution).set(due);
    ORIENTATION_REMINDER_DATE.on(execution).set(territory.after(due, REMINDER_BEFORE_DUE.negated()));
  }
}
