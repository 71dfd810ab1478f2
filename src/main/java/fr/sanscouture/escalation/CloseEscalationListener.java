package fr.sanscouture.escalation;

import static fr.sanscouture.escalation.EscalationProcess.ESCALATION_ID;
import static fr.sanscouture.escalation.EscalationProcess.MESSAGE_WATCHED_TASK_DONE;
import static fr.sanscouture.escalation.EscalationProcess.WATCHED_TASK_ID;

import fr.sanscouture.inbox.Urgency;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete and delete listener of the parcours' tasks that escalate when late, added by
 * {@link EscalationPlugin}: the task is done (or gone with its parcours), so its escalation, if any, ends
 * with its open tasks. Only an escalated task looks for its escalation: the others, nearly all, complete
 * without a query. Model versions deployed before the plugin declare it themselves, as
 * {@value #DECLARED}.
 */
@Component("closeEscalationListener")
class CloseEscalationListener implements TaskListener {

  static final String DECLARED = "${closeEscalationListener}";

  @Override
  public void notify(DelegateTask task) {
    RuntimeService runtime = task.getProcessEngineServices().getRuntimeService();
    Optional<String> escalation = ESCALATION_ID.from(task).getLocalOptional();
    if (escalation.isPresent()) {
      runtime.createMessageCorrelation(MESSAGE_WATCHED_TASK_DONE).processInstanceId(escalation.get()).correlateAll();
    } else if (task.getPriority() >= Urgency.LATE.priority()) {
      // a late task whose escalation started before escalations were written on their task
      runtime.createMessageCorrelation(MESSAGE_WATCHED_TASK_DONE)
          .processInstanceVariableEquals(WATCHED_TASK_ID.getName(), task.getId())
          .correlateAll();
    }
    // any other task was never escalated: nothing to look for
  }
}
