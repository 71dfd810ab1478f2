package fr.sanscouture.immersion;

/** The reminders before an immersion starts, counted in business days before its first day. */
enum Reminder {
  PRESCRIBER_FIRST(3),
  SIGNATORIES(2),
  PRESCRIBER_LAST(1);

  final int businessDaysBefore;

  Reminder(int businessDaysBefore) {
    this.businessDaysBefore = businessDaysBefore;
  }
}
