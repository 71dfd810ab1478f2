package fr.sanscouture.contract;

import static fr.sanscouture.contract.EngagementContractProcess.*;
import static fr.sanscouture.orientation.OrientationProcess.ORIENTATION_DATE;

import fr.sanscouture.territory.Territory;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import fr.sanscouture.form.FormValues;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of {@code Task_SignContract}: a plan of at least one action, each from the bank
 * the contract's form offers (coordinators edit it), weekly hours between 0
 * and 35, fewer than 15 only with a reason, and the day it was signed.
 */
@Component("contractSignedListener")
public class ContractSignedListener implements TaskListener {

  static final int MAX_WEEKLY_HOURS = 35;
  private static final Set<String> REASONS = Set.of("HEALTH", "CHILDCARE", "OTHER");

  private final Territory territory;

  public ContractSignedListener(Territory territory) {
    this.territory = territory;
  }

  @Override
  public void notify(DelegateTask task) {
    List<String> actions = FormValues.checklist(task.getVariable(PLAN_ACTIONS));
    if (actions.isEmpty()) {
      throw new BadUserRequestException("Le contrat d'engagement doit prévoir au moins une action.");
    }
    Set<String> bank = FormValues.offered(task, PLAN_ACTIONS);
    List<String> unknown = actions.stream().filter(action -> !bank.contains(action)).toList();
    if (!unknown.isEmpty()) {
      throw new BadUserRequestException("Action inconnue de la banque d'actions du territoire : " + String.join(", ", unknown) + ".");
    }
    int hours = Optional.ofNullable(task.getVariable(WEEKLY_HOURS)).filter(Number.class::isInstance).flatMap(FormValues::wholeNumber)
        .filter(value -> value >= 0 && value <= MAX_WEEKLY_HOURS)
        .orElseThrow(() -> new BadUserRequestException("Indiquez la durée d'activité hebdomadaire, en heures, de 0 à "
            + MAX_WEEKLY_HOURS + "."));
    // 15 hours is the minimum: more needs no reason, fewer does
    if (hours < DEFAULT_WEEKLY_HOURS) {
      String reason = HOURS_REASON.from(task).getOptional().orElse("");
      if (!REASONS.contains(reason)) {
        throw new BadUserRequestException("Une durée de moins de " + DEFAULT_WEEKLY_HOURS
            + " heures par semaine doit être justifiée : santé, garde d'enfant ou autre motif.");
      }
      if (reason.equals("OTHER") && FormValues.isBlank(HOURS_REASON_DETAIL, task)) {
        throw new BadUserRequestException("Précisez le motif de la durée hebdomadaire retenue.");
      }
    }
    LocalDate signedOn = SIGNED_ON.from(task).getOptional().map(ContractSignedListener::parse)
        .orElseThrow(() -> new BadUserRequestException("Indiquez la date de signature du contrat."));
    if (signedOn.isBefore(territory.dayOf(ORIENTATION_DATE.from(task).get())) || signedOn.isAfter(territory.today())) {
      throw new BadUserRequestException("La date de signature doit être comprise entre la décision d'orientation et aujourd'hui.");
    }
  }

  private static LocalDate parse(String day) {
    try {
      return LocalDate.parse(day);
    } catch (DateTimeParseException e) {
      throw new BadUserRequestException("La date de signature n'est pas une date valide : " + day);
    }
  }
}
