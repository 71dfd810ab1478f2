package fr.sanscouture.reception;

import static fr.sanscouture.parcours.ParcoursProcess.PARCOURS_ID;
import static fr.sanscouture.parcours.ParcoursProcess.PERSON_EMAIL;
import static fr.sanscouture.parcours.ParcoursProcess.PERSON_FIRST_NAME;
import static fr.sanscouture.parcours.ParcoursProcess.PERSON_LAST_NAME;
import static fr.sanscouture.reception.ReceptionProcess.RECEPTION_DUE_DATE;
import static fr.sanscouture.reception.ReceptionProcess.RECEPTION_ORGANISATION;

import fr.sanscouture.mail.Mailer;
import fr.sanscouture.territory.Territory;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The mails of the reception to the person: invitation and reminders, each naming the parcours. */
@Component
public class ReceptionMails {

  private final Mailer mailer;
  private final Territory territory;

  public ReceptionMails(Mailer mailer, Territory territory) {
    this.mailer = mailer;
    this.territory = territory;
  }

  /** Mails the person the template {@code mail/<template>.html}, with the reception's facts and {@code extra}. */
  public void sendToPerson(DelegateExecution execution, String template, String subject, Map<String, Object> extra) {
    Map<String, Object> model = new HashMap<>(extra);
    model.put("firstName", PERSON_FIRST_NAME.from(execution).get());
    model.put("lastName", PERSON_LAST_NAME.from(execution).get());
    model.put("organisation", territory.organisationByGroupId(RECEPTION_ORGANISATION.from(execution).get()).name());
    model.put("dueDate", territory.dayOf(RECEPTION_DUE_DATE.from(execution).get()));
    model.put("parcoursId", PARCOURS_ID.from(execution).get());
    mailer.send(execution.getProcessInstanceId(), PERSON_EMAIL.from(execution).get(), subject, template, model);
  }
}
