package fr.sanscouture.reception;

import static fr.sanscouture.reception.ReceptionProcess.APPOINTMENT_AT;
import static fr.sanscouture.reception.ReceptionProcess.APPOINTMENT_PLACE;

import fr.sanscouture.territory.Territory;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code Task_SendAppointmentReminder} of the reception, after the timer
 * {@code Timer_AppointmentReminder} (2 days before): reminds the person of the appointment.
 */
@Component("sendAppointmentReminderDelegate")
public class SendAppointmentReminderDelegate implements JavaDelegate {

  private final ReceptionMails mails;
  private final Territory territory;

  public SendAppointmentReminderDelegate(ReceptionMails mails, Territory territory) {
    this.mails = mails;
    this.territory = territory;
  }

  @Override
  public void execute(DelegateExecution execution) {
    mails.sendToPerson(execution, "appointment-reminder", "Rappel : votre rendez-vous d'accueil", Map.of(
        "appointmentAt", APPOINTMENT_AT.from(execution).get().toInstant().atZone(territory.timeZone()).toLocalDateTime(),
        "appointmentPlace", APPOINTMENT_PLACE.from(execution).get()));
  }
}
