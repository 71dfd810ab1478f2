package fr.sanscouture.immersion;

import static fr.sanscouture.immersion.ImmersionProcess.*;
import static fr.sanscouture.immersion.ImmersionRules.DAY;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** The parcours' record of its immersions, one line each, that the référent reads at the next milestone. */
final class ImmersionRecord {

  private ImmersionRecord() {}

  static String heading(DelegateExecution execution) {
    return "Immersion chez " + COMPANY_NAME.from(execution).get() + " (" + JOB.from(execution).get() + ") du "
        + LocalDate.parse(START.from(execution).get()).format(DAY) + " au " + LocalDate.parse(END.from(execution).get()).format(DAY);
  }

  static void append(DelegateExecution execution, String line) {
    RECORD.on(execution).set(RECORD.from(execution).getOptional().map(record -> record + "\n" + line).orElse(line));
  }
}
