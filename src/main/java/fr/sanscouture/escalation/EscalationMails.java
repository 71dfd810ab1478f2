package fr.sanscouture.escalation;

import fr.sanscouture.mail.TasklistLinks;
import fr.sanscouture.mail.UserMailer;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The mails of overdue work: to the people holding a task, and to each level of the escalation chain. */
@Component
public class EscalationMails {

  private final UserMailer mailer;
  private final TasklistLinks links;

  public EscalationMails(UserMailer mailer, TasklistLinks links) {
    this.mailer = mailer;
    this.links = links;
  }

  /** Mails the users about a task, with its link in Tasklist. */
  public void send(String processInstanceId, Collection<String> userIds, String subject, String template, String taskId,
      Map<String, Object> facts) {
    Map<String, Object> model = new HashMap<>(facts);
    model.put("taskUrl", links.task(taskId));
    mailer.send(processInstanceId, userIds, subject, template, model);
  }
}
