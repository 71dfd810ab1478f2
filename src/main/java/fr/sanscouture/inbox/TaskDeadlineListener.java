package fr.sanscouture.inbox;

import fr.sanscouture.calendar.BusinessDays;
import fr.sanscouture.territory.Territory;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Create listener of every user task ({@link InboxPlugin}): its description ends with the day it is
 * due, and, unless the model sets one, its follow-up date is the day to take it up to be done in time:
 * {@value #TAKE_UP_BUSINESS_DAYS} business days before it is due, or now when that day has passed.
 */
@Component
public class TaskDeadlineListener implements TaskListener {

  static final int TAKE_UP_BUSINESS_DAYS = 2;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRANCE);

  private final Territory territory;
  private final BusinessDays businessDays;

  public TaskDeadlineListener(Territory territory, BusinessDays businessDays) {
    this.territory = territory;
    this.businessDays = businessDays;
  }

  @Override
  public void notify(DelegateTask task) {
    Date due = task.getDueDate();
    if (due == null) {
      return;
    }
    LocalDate dueDay = territory.dayOf(due);
    String deadline = "À faire au plus tard le " + DAY.format(dueDay) + ".";
    task.setDescription(task.getDescription() == null || task.getDescription().isBlank()
        ? deadline : task.getDescription().strip() + "\n\n" + deadline);
    if (task.getFollowUpDate() == null) {
      Date takeUp = territory.at(businessDays.plus(dueDay, -TAKE_UP_BUSINESS_DAYS), LocalTime.of(8, 0));
      Date now = ClockUtil.getCurrentTime();
      task.setFollowUpDate(takeUp.before(now) ? now : takeUp);
    }
  }
}
