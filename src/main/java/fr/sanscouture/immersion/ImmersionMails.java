package fr.sanscouture.immersion;

import static fr.sanscouture.immersion.ImmersionProcess.*;
import static fr.sanscouture.immersion.ImmersionRules.DAY;
import static fr.sanscouture.parcours.ParcoursProcess.LEAD_REFERENT;
import static fr.sanscouture.parcours.ParcoursProcess.PERSON_EMAIL;

import fr.sanscouture.escalation.EscalationMails;
import fr.sanscouture.identity.Directory;
import fr.sanscouture.identity.Role;
import fr.sanscouture.mail.Mailer;
import fr.sanscouture.mail.UserMailer;
import fr.sanscouture.parcours.ParcoursProcess;
import fr.sanscouture.territory.Territory;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The mails of an immersion. The person and the company get personal links (issued here, so that a link
 * exists only once it is sent); the structures' members get the link of their task in Tasklist.
 */
@Component
public class ImmersionMails {

  private final Mailer mailer;
  private final UserMailer userMailer;
  private final EscalationMails taskMails;
  private final Directory directory;
  private final ImmersionLinks links;
  private final Territory territory;
  private final String publicUrl;

  public ImmersionMails(Mailer mailer, UserMailer userMailer, EscalationMails taskMails, Directory directory,
      ImmersionLinks links, Territory territory, @Value("${sans-couture.public-url}") String publicUrl) {
    this.mailer = mailer;
    this.userMailer = userMailer;
    this.taskMails = taskMails;
    this.directory = directory;
    this.links = links;
    this.territory = territory;
    this.publicUrl = publicUrl;
  }

  /** Sends the person and the company their link to sign; {@code reminder} when it is a reminder. */
  void askSignature(DelegateExecution execution, ImmersionAgreements.Party party, boolean reminder) {
    String agreementId = AGREEMENT_ID.from(execution).get();
    ImmersionLinks.Purpose purpose = party == ImmersionAgreements.Party.PERSON
        ? ImmersionLinks.Purpose.PERSON_SIGNATURE : ImmersionLinks.Purpose.COMPANY_SIGNATURE;
    String token = links.issue(agreementId, purpose, AGREEMENT_DEADLINE.from(execution).get().toInstant());
    Map<String, Object> model = summary(execution);
    model.put("party", party.name());
    model.put("greeting", party == ImmersionAgreements.Party.PERSON ? ParcoursProcess.personName(execution) : TUTOR_NAME.from(execution).get());
    model.put("link", publicUrl + "/immersion/" + agreementId + "/signature/" + token);
    model.put("reminder", reminder);
    String subject = (reminder ? "Rappel : " : "") + (party == ImmersionAgreements.Party.PERSON
        ? "votre convention d'immersion à signer" : "convention d'immersion " + of(execution) + " à signer");
    mailer.send(execution.getProcessInstanceId(), party == ImmersionAgreements.Party.PERSON ? PERSON_EMAIL.from(execution).get() : TUTOR_EMAIL.from(execution).get(),
        capitalise(subject), "immersion-signature", model);
  }

  /**
   * Tells members of a structure that the agreement waits in their Tasklist for their « signature » or
   * « validation », with the task's link. Nobody to tell is an incident, never a silent stop.
   */
  void remindStructure(DelegateExecution execution, List<String> userIds, String what, Task task) {
    if (userIds.isEmpty()) {
      throw new IllegalStateException("Nobody to remind of the " + what + " of immersion agreement " + AGREEMENT_ID.from(execution).get());
    }
    Map<String, Object> model = summary(execution);
    model.put("what", what);
    taskMails.send(execution.getProcessInstanceId(), userIds, "Rappel : convention d'immersion " + of(execution) + " en attente de " + what,
        "immersion-agreement-waiting", task.getId(), model);
  }

  /** Tells the référent that the agreement is cancelled, and why. */
  void tellCancelled(DelegateExecution execution, String reason) {
    Map<String, Object> model = summary(execution);
    model.put("reason", reason);
    userMailer.send(execution.getProcessInstanceId(), List.of(LEAD_REFERENT.from(execution).get()), "Immersion annulée – " + ParcoursProcess.personName(execution),
        "immersion-cancelled", model);
  }

  /** Sends the tutor the link to give the bilan, valid until the review deadline. */
  void askReview(DelegateExecution execution) {
    String agreementId = AGREEMENT_ID.from(execution).get();
    Date deadline = REVIEW_DEADLINE.from(execution).get();
    String token = links.issue(agreementId, ImmersionLinks.Purpose.TUTOR_REVIEW, deadline.toInstant());
    Map<String, Object> model = summary(execution);
    model.put("link", publicUrl + "/immersion/" + agreementId + "/bilan/" + token);
    model.put("deadline", territory.dayOf(deadline).format(DAY));
    mailer.send(execution.getProcessInstanceId(), TUTOR_EMAIL.from(execution).get(), "Bilan de l'immersion " + of(execution), "immersion-review-request", model);
  }

  /** The agreement's terms, for the mails. */
  Map<String, Object> summary(DelegateExecution execution) {
    return ImmersionTerms.of(execution.getVariablesTyped(), territory);
  }

  /**
   * Who validates for the prescriber: the référent when the lead structure prescribes; otherwise the
   * prescribing structure's responsables, or its référents when it has none.
   */
  List<String> prescriberContacts(DelegateExecution execution) {
    String prescriber = PRESCRIBER.from(execution).get();
    return VALIDATOR.from(execution).getOptional().map(List::of)
        .or(() -> Optional.of(directory.managersOf(prescriber)).filter(managers -> !managers.isEmpty()))
        .orElseGet(() -> directory.idsOfAll(prescriber, Role.REFERENT.groupId()));
  }

  /** « de Paul Martin », « d'Amina Diallo ». */
  private static String of(DelegateExecution execution) {
    String name = ParcoursProcess.personName(execution);
    return ("AEIOUYÉÈÊÂÎÔ".indexOf(Character.toUpperCase(name.charAt(0))) >= 0 ? "d'" : "de ") + name;
  }

  private static String capitalise(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
