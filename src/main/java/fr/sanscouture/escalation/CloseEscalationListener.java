package fr.sanscouture.escalation;

import static fr.sanscouture.escalation.EscalationProcess.MESSAGE_WATCHED_TASK_DONE;
import static fr.sanscouture.escalation.EscalationProcess.WATCHED_TASK_ID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete and delete listener of the parcours' tasks that escalate when late, added by
 * {@link EscalationPlugin}: the task is done (or gone with its parcours), so its escalation, if any, ends
 * with its open tasks. Model versions deployed before the plugin declare it themselves, as
 * {@value #DECLARED}.
 */
@Component("closeEscalationListener")
class CloseEscalationListener implements TaskListener {

  static final String DECLARED = "${closeEscalationListener}";

  @Override
  public void notify(DelegateTask task) {
    task.getProcessEngineServices().getRuntimeService()
        .createMessageCorrelation(MESSAGE_WATCHED_TASK_DONE)
        .processInstanceVariableEquals(WATCHED_TASK_ID.getName(), task.getId())
        .correlateAll();
  }
}
