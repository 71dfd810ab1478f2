package fr.sanscouture.immersion;

import static fr.sanscouture.immersion.ImmersionProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** The parcours' record of its immersions, one line each, that the référent reads at the next milestone. */
final class ImmersionRecord {

  private ImmersionRecord() {}

  static String heading(DelegateExecution execution) {
    return "Immersion chez " + COMPANY_NAME.from(execution).get() + " (" + JOB.from(execution).get() + ") "
        + PERIOD.from(execution).get();
  }

  static void append(DelegateExecution execution, String line) {
    RECORD.on(execution).set(RECORD.from(execution).getOptional().map(record -> record + "\n" + line).orElse(line));
  }
}
