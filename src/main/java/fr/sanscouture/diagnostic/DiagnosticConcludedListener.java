package fr.sanscouture.diagnostic;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Complete listener of {@code Task_ConcludeDiagnostic}: the barriers, revised after the contributions, are counted again. */
@Component("diagnosticConcludedListener")
public class DiagnosticConcludedListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    DiagnosticRules.checkAndCountBarriers(task);
  }
}
