package fr.sanscouture.immersion;

import static fr.sanscouture.immersion.ImmersionProcess.*;

import fr.sanscouture.form.FormValues;
import fr.sanscouture.parcours.ExitReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The bilan of an immersion, as the tutor gives it on their page or the référent in Tasklist: whether it
 * took place, the skills observed, whether the company means to hire, whether a renewal is asked.
 */
record ImmersionReview(Attendance attendance, String skills, Hiring hiring, Integer hiringMonths, boolean renewalAsked,
    String renewalReason) {

  /** Whether the immersion took place. */
  enum Attendance {
    COMPLETED("réalisée"), PARTLY_COMPLETED("réalisée en partie"), DID_NOT_SHOW("la personne ne s'est pas présentée");

    final String label;

    Attendance(String label) {
      this.label = label;
    }
  }

  /** Whether the company means to hire the person, and how. */
  enum Hiring { NONE, PERMANENT, FIXED_TERM }

  static final int MAX_TEXT = 2000;

  /** Reads and checks a bilan from submitted values; every problem is named in French. */
  static ImmersionReview read(Function<String, Object> values) {
    List<String> problems = new ArrayList<>();
    Optional<Attendance> attendance = FormValues.option(values.apply(REVIEW_ATTENDANCE.getName()), Attendance.class);
    if (attendance.isEmpty()) {
      problems.add("Indiquez si l'immersion s'est déroulée.");
    }
    String skills = text(values.apply(REVIEW_SKILLS.getName()));
    if (attendance.filter(a -> a != Attendance.DID_NOT_SHOW).isPresent() && skills.isEmpty()) {
      problems.add("Décrivez les compétences observées pendant l'immersion.");
    }
    Optional<Hiring> hiring = FormValues.option(values.apply(REVIEW_HIRING.getName()), Hiring.class);
    if (hiring.isEmpty()) {
      problems.add("Indiquez si une embauche est envisagée.");
    }
    Integer months = FormValues.wholeNumber(values.apply(REVIEW_HIRING_MONTHS)).orElse(null);
    if (hiring.orElse(null) == Hiring.FIXED_TERM && (months == null || months < 1 || months > 36)) {
      problems.add("Pour un contrat à durée déterminée, indiquez sa durée en mois (de 1 à 36).");
    }
    boolean renewalAsked = Boolean.TRUE.equals(values.apply(REVIEW_RENEWAL_ASKED.getName()))
        || "true".equals(values.apply(REVIEW_RENEWAL_ASKED.getName()));
    String renewalReason = text(values.apply(REVIEW_RENEWAL_REASON.getName()));
    if (renewalAsked && renewalReason.isEmpty()) {
      problems.add("Un renouvellement doit être justifié : indiquez pourquoi.");
    }
    if (skills.length() > MAX_TEXT || renewalReason.length() > MAX_TEXT) {
      problems.add("Les textes sont limités à " + MAX_TEXT + " caractères.");
    }
    if (!problems.isEmpty()) {
      throw new BadUserRequestException(String.join(" ", problems));
    }
    return new ImmersionReview(attendance.get(), skills, hiring.get(), hiring.get() == Hiring.FIXED_TERM ? months : null,
        renewalAsked, renewalReason);
  }

  /** The bilan as process variables. */
  VariableMap asVariables(String reviewedBy) {
    return Variables.createVariables()
        .putValue(REVIEW_ATTENDANCE.getName(), attendance.name())
        .putValue(REVIEW_SKILLS.getName(), skills)
        .putValue(REVIEW_HIRING.getName(), hiring.name())
        .putValue(REVIEW_HIRING_MONTHS, hiringMonths)
        .putValue(REVIEW_RENEWAL_ASKED.getName(), renewalAsked)
        .putValue(REVIEW_RENEWAL_REASON.getName(), renewalReason)
        .putValue(REVIEWED_BY.getName(), reviewedBy);
  }

  /** A CDI, or a fixed-term contract of six months or more: the parcours' exit to a job. */
  boolean sustainableHiring() {
    return hiring != Hiring.NONE && ExitReason.isSustainableJob(hiring == Hiring.PERMANENT, hiringMonths);
  }

  /** The bilan in one French sentence, for the parcours' record. */
  String describe() {
    String hired = switch (hiring) {
      case NONE -> "pas d'embauche envisagée";
      case PERMANENT -> "embauche envisagée en CDI";
      case FIXED_TERM -> "embauche envisagée en CDD de " + hiringMonths + " mois";
    };
    return attendance.label + (skills.isEmpty() ? "" : " ; compétences observées : " + skills.replaceAll("[.\\s]+$", "")) + " ; " + hired
        + (renewalAsked ? " ; renouvellement demandé : " + renewalReason : "");
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString().strip();
  }
}
