package fr.sanscouture.reception;

import static fr.sanscouture.parcours.ParcoursProcess.ENTRY_DATE;
import static fr.sanscouture.reception.ReceptionProcess.RECEPTION_DATE;
import static fr.sanscouture.reception.ReceptionProcess.RECEPTION_OUTCOME;
import static fr.sanscouture.reception.ReceptionProcess.RECEPTION_RESULT;
import static fr.sanscouture.reception.ReceptionProcess.RECEPTION_STATUS;

import fr.sanscouture.form.FormValues;
import fr.sanscouture.territory.Territory;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of {@code Task_HoldReception}: refuses, in French, a reception without a valid
 * outcome or with a date before the entry or in the future; the task then stays open.
 */
@Component("receptionCompletionListener")
public class ReceptionCompletionListener implements TaskListener {

  private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final Territory territory;

  public ReceptionCompletionListener(Territory territory) {
    this.territory = territory;
  }

  @Override
  public void notify(DelegateTask task) {
    ReceptionOutcome outcome = FormValues.option(task.getVariable(RECEPTION_OUTCOME.getName()), ReceptionOutcome.class)
        .orElseThrow(() -> new BadUserRequestException("Indiquez l'issue de l'accueil : personne reçue, absente ou excusée."));
    LocalDate day = RECEPTION_DATE.from(task).getOptional().map(ReceptionCompletionListener::parse)
        .orElseThrow(() -> new BadUserRequestException("Indiquez la date de l'accueil."));
    LocalDate entry = territory.dayOf(ENTRY_DATE.from(task).get());
    if (day.isBefore(entry) || day.isAfter(territory.today())) {
      throw new BadUserRequestException("La date de l'accueil doit être comprise entre l'entrée dans le parcours ("
          + FRENCH_DATE.format(entry) + ") et aujourd'hui.");
    }
    RECEPTION_STATUS.on(task).set(outcome.name());
    if (outcome == ReceptionOutcome.SEEN) {
      RECEPTION_RESULT.on(task).set(ReceptionProcess.RECEIVED);
    }
  }

  private static LocalDate parse(String day) {
    try {
      return LocalDate.parse(day);
    } catch (DateTimeParseException e) {
      throw new BadUserRequestException("La date de l'accueil n'est pas une date valide : " + day);
    }
  }
}
