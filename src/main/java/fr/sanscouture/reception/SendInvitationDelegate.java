package fr.sanscouture.reception;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code Task_SendInvitation} of the reception, between two async boundaries: mails the
 * person their invitation. A failed send is retried by the job executor.
 */
@Component("sendInvitationDelegate")
public class SendInvitationDelegate implements JavaDelegate {

  private final ReceptionMails mails;

  public SendInvitationDelegate(ReceptionMails mails) {
    this.mails = mails;
  }

  @Override
  public void execute(DelegateExecution execution) {
    mails.sendToPerson(execution, "invitation", "Votre accueil dans le Réseau pour l'emploi", Map.of());
  }
}
