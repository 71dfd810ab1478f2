package fr.sanscouture.calendar;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * Business days in France: Monday to Friday, French public holidays excepted. For the deadlines the
 * rules count in business days (an immersion's convention, signed 2 business days before its start).
 */
@Component
public class BusinessDays {

  private final HolidayManager holidays = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.FRANCE));

  public boolean isBusinessDay(LocalDate day) {
    return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
        && !holidays.isHoliday(day);
  }

  /** The business day {@code days} business days after (positive) or before (negative) a day. */
  public LocalDate plus(LocalDate day, int days) {
    int step = days >= 0 ? 1 : -1;
    LocalDate result = day;
    for (int counted = 0; counted < Math.abs(days); ) {
      result = result.plusDays(step);
      if (isBusinessDay(result)) {
        counted++;
      }
    }
    return result;
  }
}
