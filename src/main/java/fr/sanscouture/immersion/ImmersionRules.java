package fr.sanscouture.immersion;

import static fr.sanscouture.immersion.ImmersionProcess.*;
import static fr.sanscouture.parcours.ParcoursProcess.PARCOURS_ID;
import static fr.sanscouture.parcours.ParcoursProcess.PERSON_BIRTH_DATE;

import fr.sanscouture.form.FormValues;
import fr.sanscouture.territory.Territory;
import io.holunda.camunda.bpm.data.factory.VariableFactory;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The rules of a PMSMP (Code du travail, L. 5135-1 and following) that a request must keep: 30 calendar
 * days at most, a renewal justified, a person of 16 or more, 48 hours a week at most, no other immersion
 * of the person on the same days. The company is named by a valid SIRET. That a renewal is granted once
 * only is {@link RecordReviewDelegate}'s.
 */
@Component
public class ImmersionRules {

  static final int MAX_DAYS = 30;
  static final int MAX_WEEKLY_HOURS = 48;
  static final int MIN_AGE = 16;
  static final int MAX_RENEWALS = 1;
  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE);

  private final ImmersionAgreements agreements;
  private final Territory territory;

  public ImmersionRules(ImmersionAgreements agreements, Territory territory) {
    this.agreements = agreements;
    this.territory = territory;
  }

  /** What the request breaks, in French; empty when it keeps every rule. */
  List<String> breaches(VariableScope request) {
    List<String> breaches = new ArrayList<>();
    require(request, COMPANY_NAME, "Indiquez le nom de l'entreprise d'accueil.", breaches);
    if (!Siret.isValid(Siret.normalise(COMPANY_SIRET.from(request).getOptional().orElse(null)))) {
      breaches.add("Le SIRET de l'entreprise doit compter 14 chiffres et sa clé de contrôle être juste : vérifiez-le.");
    }
    require(request, TUTOR_NAME, "Indiquez le nom du tuteur dans l'entreprise.", breaches);
    if (!TUTOR_EMAIL.from(request).getOptional().orElse("").strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      breaches.add("Indiquez une adresse électronique valide pour le tuteur.");
    }
    require(request, JOB, "Indiquez le métier ou le poste découvert.", breaches);
    if (FormValues.option(request.getVariable(OBJECTIVE.getName()), ImmersionObjective.class).isEmpty()) {
      breaches.add("Choisissez l'objet de l'immersion.");
    }
    if (!(request.getVariable(WEEKLY_HOURS) instanceof Number)
        || FormValues.wholeNumber(request.getVariable(WEEKLY_HOURS)).filter(hours -> hours >= 1 && hours <= MAX_WEEKLY_HOURS).isEmpty()) {
      breaches.add("La durée hebdomadaire est un nombre entier d'heures, de 1 à " + MAX_WEEKLY_HOURS + ".");
    }
    if (RENEWAL.from(request).getOptional().orElse(false) && FormValues.isBlank(RENEWAL_JUSTIFICATION, request)) {
      breaches.add("Un renouvellement doit être justifié : indiquez pourquoi l'immersion doit se poursuivre.");
    }
    Optional<LocalDate> start = day(request, START, "de début", breaches);
    Optional<LocalDate> end = day(request, END, "de fin", breaches);
    if (start.isPresent() && end.isPresent()) {
      breaches.addAll(periodBreaches(request, start.get(), end.get()));
    }
    return breaches;
  }

  private List<String> periodBreaches(VariableScope request, LocalDate start, LocalDate end) {
    List<String> breaches = new ArrayList<>();
    LocalDate today = territory.today();
    if (!start.isAfter(today)) {
      breaches.add("L'immersion doit commencer après aujourd'hui : la convention est signée avant son début.");
    }
    boolean ordered = !end.isBefore(start);
    long days = ChronoUnit.DAYS.between(start, end) + 1;
    if (!ordered) {
      breaches.add("La date de fin doit suivre la date de début.");
    } else if (days > MAX_DAYS) {
      breaches.add("Une immersion dure " + MAX_DAYS + " jours calendaires au plus ; celle-ci en compte " + days + ".");
    }
    PERSON_BIRTH_DATE.from(request).getOptional().map(territory::dayOf)
        .filter(birth -> birth.plusYears(MIN_AGE).isAfter(start))
        .ifPresent(birth -> breaches.add("La personne doit avoir au moins " + MIN_AGE + " ans au début de l'immersion."));
    if (ordered) {
      agreements.overlapping(PARCOURS_ID.from(request).get(), start, end).forEach(other -> breaches.add(
          "Ces dates chevauchent une autre immersion de la personne, du " + other.start().format(DAY) + " au "
              + other.end().format(DAY) + "."));
    }
    return breaches;
  }

  private static void require(VariableScope request, VariableFactory<String> field,
      String message, List<String> breaches) {
    if (FormValues.isBlank(field, request)) {
      breaches.add(message);
    }
  }

  private static Optional<LocalDate> day(VariableScope request, VariableFactory<String> field,
      String which, List<String> breaches) {
    try {
      Optional<LocalDate> day = field.from(request).getOptional().filter(s -> !s.isBlank()).map(LocalDate::parse);
      if (day.isEmpty()) {
        breaches.add("Indiquez la date " + which + " de l'immersion.");
      }
      return day;
    } catch (DateTimeParseException e) {
      breaches.add("La date " + which + " de l'immersion n'est pas une date valide.");
      return Optional.empty();
    }
  }
}
