package fr.sanscouture.leadreferent;

import static fr.sanscouture.orientation.OrientationProcess.LEAD_ORGANISATION;
import static fr.sanscouture.parcours.ParcoursProcess.LEAD_REFERENT;
import static fr.sanscouture.parcours.ParcoursProcess.PARCOURS_ID;
import static fr.sanscouture.parcours.ParcoursProcess.PERSON_EMAIL;
import static fr.sanscouture.parcours.ParcoursProcess.PERSON_FIRST_NAME;
import static fr.sanscouture.parcours.ParcoursProcess.PERSON_LAST_NAME;

import fr.sanscouture.identity.Directory;
import fr.sanscouture.mail.Mailer;
import fr.sanscouture.mail.TasklistLinks;
import fr.sanscouture.mail.UserMailer;
import fr.sanscouture.parcours.ParcoursProcess;
import java.util.List;
import fr.sanscouture.territory.Territory;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** The mails that tell the person and the référent that they now work together. */
@Component
public class ReferentMails {

  private final Mailer mailer;
  private final UserMailer userMailer;
  private final Directory directory;
  private final Territory territory;
  private final TasklistLinks links;

  public ReferentMails(Mailer mailer, UserMailer userMailer, Directory directory, Territory territory,
      TasklistLinks links) {
    this.mailer = mailer;
    this.userMailer = userMailer;
    this.directory = directory;
    this.territory = territory;
    this.links = links;
  }

  public void tellPerson(DelegateExecution execution) {
    User referent = referent(execution);
    mailer.send(execution.getProcessInstanceId(), PERSON_EMAIL.from(execution).get(), "Votre référent unique", "referent-assigned-person", Map.of(
        "firstName", PERSON_FIRST_NAME.from(execution).get(),
        "lastName", PERSON_LAST_NAME.from(execution).get(),
        "referentName", Directory.displayName(referent),
        "referentEmail", referent.getEmail(),
        "organisation", territory.organisationByGroupId(LEAD_ORGANISATION.from(execution).get()).name(),
        "parcoursId", PARCOURS_ID.from(execution).get()));
  }

  public void tellReferent(DelegateExecution execution) {
    User referent = referent(execution);
    userMailer.send(execution.getProcessInstanceId(), List.of(referent.getId()), "Nouvelle personne à accompagner – parcours " + PARCOURS_ID.from(execution).get(),
        "referent-assigned-referent", Map.of(
            "referentName", Directory.displayName(referent),
            "personName", ParcoursProcess.personName(execution),
            "parcoursId", PARCOURS_ID.from(execution).get(),
            "tasklistUrl", links.inbox()));
  }

  private User referent(DelegateExecution execution) {
    String id = LEAD_REFERENT.from(execution).get();
    return directory.user(id).orElseThrow(() -> new IllegalStateException("Unknown référent " + id));
  }
}
