package fr.sanscouture.escalation;

import static fr.sanscouture.escalation.EscalationProcess.*;
import static fr.sanscouture.parcours.ParcoursProcess.EMPLOYMENT_AREA;
import static fr.sanscouture.parcours.ParcoursProcess.PARCOURS_ID;

import fr.sanscouture.inbox.Urgency;
import io.holunda.camunda.bpm.data.CamundaBpmData;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;

/**
 * Timeout listener ({@code TimeoutListener_Escalate}) of the parcours' tasks that have a deadline: at
 * the deadline, the task goes to the top of the task lists and its escalation starts; the task keeps its
 * id ({@link EscalationProcess#ESCALATION_ID}), so that the escalation ends when the task is done (see
 * {@link CloseEscalationListener}).
 */
@Component("escalateOverdueTaskListener")
public class EscalateOverdueTaskListener implements TaskListener {

  private final WatchedTasks watchedTasks;

  public EscalateOverdueTaskListener(WatchedTasks watchedTasks) {
    this.watchedTasks = watchedTasks;
  }

  @Override
  public void notify(DelegateTask task) {
    Urgency.LATE.raise(task);
    VariableMap variables = CamundaBpmData.builder()
        .set(WATCHED_TASK_ID, task.getId())
        .set(WATCHED_TASK_NAME, task.getName())
        .set(WATCHED_TASK_DUE, task.getDueDate())
        .set(PARCOURS_ID, PARCOURS_ID.from(task).get())
        .set(EMPLOYMENT_AREA, EMPLOYMENT_AREA.from(task).get())
        .build();
    watchedTasks.organisationOf(task).ifPresent(organisation -> variables.putValue(WATCHED_ORGANISATION.getName(), organisation));
    String escalation = task.getProcessEngineServices().getRuntimeService()
        .startProcessInstanceByKey(KEY, task.getExecution().getProcessBusinessKey(), variables).getId();
    ESCALATION_ID.on(task).setLocal(escalation);
  }
}
