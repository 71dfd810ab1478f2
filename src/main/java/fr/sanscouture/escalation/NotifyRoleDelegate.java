package fr.sanscouture.escalation;

import static fr.sanscouture.orientation.OrientationProcess.LEAD_ORGANISATION;
import static fr.sanscouture.parcours.ParcoursProcess.EMPLOYMENT_AREA;
import static fr.sanscouture.parcours.ParcoursProcess.LEAD_REFERENT;
import static fr.sanscouture.parcours.ParcoursProcess.PARCOURS_ID;
import static io.holunda.camunda.bpm.data.CamundaBpmData.stringVariable;

import fr.sanscouture.mail.TasklistLinks;
import fr.sanscouture.mail.UserMailer;
import io.holunda.camunda.bpm.data.factory.VariableFactory;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task of the element template « Prévenir un rôle par courriel »
 * ({@code processes/.camunda/element-templates/sans-couture.json}), between the async boundaries the
 * template sets: mails the parcours' référent, the responsables of its lead structure, the animateurs of
 * its bassin or the Département's direction, with the subject and the message the coordinator wrote.
 * Nobody to tell is an incident, as an SMTP failure is once its retries are spent.
 */
@Component("notifyRoleDelegate")
public class NotifyRoleDelegate implements JavaDelegate {

  /** Input parameter: {@code REFERENT} or an {@link EscalationLevel} name. */
  public static final VariableFactory<String> NOTIFIED_ROLE = stringVariable("notifiedRole");
  /** Input parameter: the mail's subject, before the parcours' reference. */
  public static final VariableFactory<String> MAIL_SUBJECT = stringVariable("mailSubject");
  /** Input parameter: the mail's message. */
  public static final VariableFactory<String> MAIL_MESSAGE = stringVariable("mailMessage");
  public static final String REFERENT = "REFERENT";

  private final EscalationChain chain;
  private final UserMailer mailer;
  private final TasklistLinks links;

  public NotifyRoleDelegate(EscalationChain chain, UserMailer mailer, TasklistLinks links) {
    this.chain = chain;
    this.mailer = mailer;
    this.links = links;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String role = NOTIFIED_ROLE.from(execution).get();
    List<String> recipients = REFERENT.equals(role)
        ? LEAD_REFERENT.from(execution).getOptional().map(List::of).orElse(List.of())
        : chain.recipients(EscalationLevel.valueOf(role), LEAD_ORGANISATION.from(execution).getOptional().orElse(null),
            EMPLOYMENT_AREA.from(execution).get());
    if (recipients.isEmpty()) {
      throw new IllegalStateException("Nobody holds the role " + role + " for this parcours");
    }
    String parcoursId = PARCOURS_ID.from(execution).get();
    mailer.send(execution.getProcessInstanceId(), recipients, MAIL_SUBJECT.from(execution).get() + " – parcours " + parcoursId, "role-notice",
        Map.of("message", MAIL_MESSAGE.from(execution).get(), "parcoursId", parcoursId, "inboxUrl", links.inbox()));
  }
}
