package fr.sanscouture.reception;

import static fr.sanscouture.reception.ReceptionProcess.APPOINTMENT;
import static fr.sanscouture.reception.ReceptionProcess.APPOINTMENT_AT;
import static fr.sanscouture.reception.ReceptionProcess.APPOINTMENT_PLACE;
import static fr.sanscouture.reception.ReceptionProcess.APPOINTMENT_REMINDER_AT;
import static fr.sanscouture.reception.ReceptionProcess.RECEPTION_STATUS;

import fr.sanscouture.territory.Territory;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import fr.sanscouture.form.FormValues;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Complete listener of {@code Task_PlanAppointment}: an appointment needs a future date and a place;
 * the person is reminded of it two days before.
 */
@Component("appointmentPlannedListener")
public class AppointmentPlannedListener implements TaskListener {

  static final Duration REMINDER_BEFORE = Duration.ofDays(2);

  private final Territory territory;

  public AppointmentPlannedListener(Territory territory) {
    this.territory = territory;
  }

  @Override
  public void notify(DelegateTask task) {
    Date appointment = APPOINTMENT.from(task).getOptional().map(this::parse)
        .orElseThrow(() -> new BadUserRequestException("Indiquez la date et l'heure du rendez-vous d'accueil."));
    if (appointment.before(ClockUtil.getCurrentTime())) {
      throw new BadUserRequestException("Le rendez-vous d'accueil doit être à venir.");
    }
    if (FormValues.isBlank(APPOINTMENT_PLACE, task)) {
      throw new BadUserRequestException("Indiquez le lieu du rendez-vous d'accueil.");
    }
    APPOINTMENT_AT.on(task).set(appointment);
    APPOINTMENT_REMINDER_AT.on(task).set(Date.from(appointment.toInstant().minus(REMINDER_BEFORE)));
    RECEPTION_STATUS.on(task).set(ReceptionStatus.APPOINTMENT_PLANNED.name());
  }

  /** The form sends an ISO date-time, with or without its offset; without one it is the territory's time. */
  private Date parse(String value) {
    try {
      return Date.from(OffsetDateTime.parse(value).toInstant());
    } catch (DateTimeParseException withoutOffset) {
      try {
        return Date.from(LocalDateTime.parse(value).atZone(territory.timeZone()).toInstant());
      } catch (DateTimeParseException e) {
        throw new BadUserRequestException("La date du rendez-vous n'est pas valide : " + value);
      }
    }
  }
}
