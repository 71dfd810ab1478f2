package fr.sanscouture.reception;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code Task_SendPlanningReminder} of the reception, after the timer
 * {@code Timer_PlanningReminder} (3 days without an appointment): reminds the person of the invitation.
 */
@Component("sendPlanningReminderDelegate")
public class SendPlanningReminderDelegate implements JavaDelegate {

  private final ReceptionMails mails;

  public SendPlanningReminderDelegate(ReceptionMails mails) {
    this.mails = mails;
  }

  @Override
  public void execute(DelegateExecution execution) {
    mails.sendToPerson(execution, "planning-reminder", "Rappel : votre accueil dans le Réseau pour l'emploi", Map.of());
  }
}
