package fr.sanscouture.immersion;

import static fr.sanscouture.immersion.ImmersionProcess.NEXT_REMINDER;
import static fr.sanscouture.immersion.ImmersionProcess.NEXT_REMINDER_AT;
import static fr.sanscouture.immersion.ImmersionProcess.START;

import fr.sanscouture.calendar.BusinessDays;
import fr.sanscouture.territory.Territory;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Service task {@code Task_PlanNextReminder}: the next {@link Reminder} still ahead, at 9:00 on its
 * business day; {@code NONE} when none is left. A reminder whose day has passed when the agreement is
 * sent is not sent late: the mail with the link has just gone.
 */
@Component("planNextReminderDelegate")
public class PlanNextReminderDelegate implements JavaDelegate {

  static final LocalTime REMINDER_TIME = LocalTime.of(9, 0);

  private final BusinessDays businessDays;
  private final Territory territory;

  public PlanNextReminderDelegate(BusinessDays businessDays, Territory territory) {
    this.businessDays = businessDays;
    this.territory = territory;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate start = LocalDate.parse(START.from(execution).get());
    Date now = ClockUtil.getCurrentTime();
    Arrays.stream(Reminder.values())
        .map(reminder -> Map.entry(reminder, at(start, reminder)))
        .filter(reminder -> reminder.getValue().after(now))
        .findFirst()
        .ifPresentOrElse(reminder -> {
          NEXT_REMINDER.on(execution).set(reminder.getKey().name());
          NEXT_REMINDER_AT.on(execution).set(reminder.getValue());
        }, () -> NEXT_REMINDER.on(execution).set("NONE"));
  }

  private Date at(LocalDate start, Reminder reminder) {
    return territory.at(businessDays.plus(start, -reminder.businessDaysBefore), REMINDER_TIME);
  }
}
