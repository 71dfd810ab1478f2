package fr.sanscouture.reception;

import static fr.sanscouture.parcours.ParcoursProcess.PARCOURS_ID;
import static fr.sanscouture.parcours.ParcoursProcess.PERSON_EMAIL;
import static fr.sanscouture.parcours.ParcoursProcess.PERSON_FIRST_NAME;
import static fr.sanscouture.parcours.ParcoursProcess.PERSON_LAST_NAME;
import static fr.sanscouture.parcours.ParcoursProcess.RECEPTION_DUE_DATE;
import static fr.sanscouture.parcours.ParcoursProcess.RECEPTION_ORGANISATION;

import fr.sanscouture.mail.Mailer;
import fr.sanscouture.territory.Territory;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code Task_SendInvitation} of the parcours, between two async boundaries: mails the
 * person their invitation to the reception. A failed send is retried by the job executor.
 */
@Component("sendInvitationDelegate")
public class SendInvitationDelegate implements JavaDelegate {

  static final String TEMPLATE = "invitation";

  private final Mailer mailer;
  private final Territory territory;

  public SendInvitationDelegate(Mailer mailer, Territory territory) {
    this.mailer = mailer;
    this.territory = territory;
  }

  @Override
  public void execute(DelegateExecution execution) {
    mailer.send(PERSON_EMAIL.from(execution).get(), "Votre accueil dans le Réseau pour l'emploi", TEMPLATE, Map.of(
        "firstName", PERSON_FIRST_NAME.from(execution).get(),
        "lastName", PERSON_LAST_NAME.from(execution).get(),
        "organisation", territory.organisationByGroupId(RECEPTION_ORGANISATION.from(execution).get()).name(),
        "dueDate", territory.dayOf(RECEPTION_DUE_DATE.from(execution).get()),
        "parcoursId", PARCOURS_ID.from(execution).get()));
  }
}
