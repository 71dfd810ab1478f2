package fr.sanscouture.escalation;

import fr.sanscouture.mail.UserMailer;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The mails of overdue work: to the people holding a task, and to each level of the escalation chain. */
@Component
public class EscalationMails {

  private final UserMailer mailer;
  private final String tasklistUrl;

  public EscalationMails(UserMailer mailer, @Value("${sans-couture.public-url}") String publicUrl) {
    this.mailer = mailer;
    this.tasklistUrl = publicUrl + "/camunda/app/tasklist/default/";
  }

  /** Mails the users about a task, with its link in Tasklist. */
  public void send(Collection<String> userIds, String subject, String template, String taskId, Map<String, Object> facts) {
    Map<String, Object> model = new HashMap<>(facts);
    model.put("taskUrl", tasklistUrl + "#/?task=" + taskId);
    mailer.send(userIds, subject, template, model);
  }
}
