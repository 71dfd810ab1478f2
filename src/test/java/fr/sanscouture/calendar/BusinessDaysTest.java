package fr.sanscouture.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BusinessDaysTest {

  private final BusinessDays businessDays = new BusinessDays();

  // each on a weekday, so that only its being a holiday makes it no business day
  @ParameterizedTest(name = "{0} is a French public holiday")
  @CsvSource({"2027-01-01", "2027-03-29", "2026-05-01", "2027-05-06", "2026-05-08", "2027-05-17", "2027-07-14",
      "2028-08-15", "2027-11-01", "2027-11-11", "2026-12-25"})
  void publicHolidaysAreNoBusinessDays(LocalDate holiday) {
    assertThat(businessDays.isBusinessDay(holiday)).isFalse();
  }

  @Test
  void weekendsAreNoBusinessDaysAndWeekdaysAre() {
    assertThat(businessDays.isBusinessDay(LocalDate.of(2026, 11, 21))).isFalse();
    assertThat(businessDays.isBusinessDay(LocalDate.of(2026, 11, 22))).isFalse();
    assertThat(businessDays.isBusinessDay(LocalDate.of(2026, 11, 23))).isTrue();
  }

  @Test
  void twoBusinessDaysBeforeAStartSkipWeekendsAndHolidays() {
    // an immersion starting Tuesday 11 May 2027: Monday 10 and Friday 7, across the weekend
    assertThat(businessDays.plus(LocalDate.of(2027, 5, 11), -2)).isEqualTo(LocalDate.of(2027, 5, 7));
    // starting Friday 7 May 2027: Thursday 6 is Ascension, so Wednesday 5 and Tuesday 4
    assertThat(businessDays.plus(LocalDate.of(2027, 5, 7), -2)).isEqualTo(LocalDate.of(2027, 5, 4));
    // the business day after Tuesday 10 November 2026 is Thursday 12: Wednesday 11 is Armistice
    assertThat(businessDays.plus(LocalDate.of(2026, 11, 10), 1)).isEqualTo(LocalDate.of(2026, 11, 12));
    // starting Monday 3 May 2027: Thursday 29 and Friday 30 April
    assertThat(businessDays.plus(LocalDate.of(2027, 5, 3), -2)).isEqualTo(LocalDate.of(2027, 4, 29));
    // two business days after Friday 24 December 2027: Monday 27 and Tuesday 28
    assertThat(businessDays.plus(LocalDate.of(2027, 12, 24), 2)).isEqualTo(LocalDate.of(2027, 12, 28));
    assertThat(businessDays.plus(LocalDate.of(2027, 12, 24), 0)).isEqualTo(LocalDate.of(2027, 12, 24));
  }
}
