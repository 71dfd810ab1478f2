package fr.sanscouture.escalation;

import fr.sanscouture.identity.Directory;
import fr.sanscouture.mail.Mailer;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The mails of overdue work: to the people holding a task, and to each level of the escalation chain. */
@Component
public class EscalationMails {

  private final Mailer mailer;
  private final Directory directory;
  private final String tasklistUrl;

  public EscalationMails(Mailer mailer, Directory directory, @Value("${sans-couture.public-url}") String publicUrl) {
    this.mailer = mailer;
    this.directory = directory;
    this.tasklistUrl = publicUrl + "/camunda/app/tasklist/default/";
  }

  /**
   * Mails the users about a task, with its link in Tasklist; a user without an address fails the send,
   * so that the job ends as an incident naming them instead of skipping them.
   */
  public void send(Collection<String> userIds, String subject, String template, String taskId, Map<String, Object> facts) {
    List<String> addresses = userIds.stream().map(this::address).toList();
    Map<String, Object> model = new java.util.HashMap<>(facts);
    model.put("taskUrl", tasklistUrl + "#/?task=" + taskId);
    mailer.send(addresses, subject, template, model);
  }

  private String address(String userId) {
    return directory.user(userId).map(User::getEmail).filter(email -> !email.isBlank())
        .orElseThrow(() -> new IllegalStateException("The user " + userId + " has no e-mail address"));
  }
}
