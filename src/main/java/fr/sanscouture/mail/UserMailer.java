package fr.sanscouture.mail;

import fr.sanscouture.identity.Directory;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Mails users of the engine's identity, by id. A user without an address fails the send, so that the
 * job ends as an incident naming them instead of skipping them.
 */
@Component
public class UserMailer {

  private final Mailer mailer;
  private final Directory directory;

  public UserMailer(Mailer mailer, Directory directory) {
    this.mailer = mailer;
    this.directory = directory;
  }

  public void send(String processInstanceId, Collection<String> userIds, String subject, String template, Map<String, Object> model) {
    List<String> addresses = userIds.stream().map(this::address).toList();
    mailer.send(processInstanceId, addresses, subject, template, model);
  }

  private String address(String userId) {
    return directory.user(userId).map(User::getEmail).filter(email -> email != null && !email.isBlank())
        .orElseThrow(() -> new IllegalStateException("The user " + userId + " has no e-mail address"));
  }
}
