package fr.sanscouture.escalation;

import static fr.sanscouture.parcours.ParcoursProcess.PARCOURS_ID;

import fr.sanscouture.inbox.Urgency;
import fr.sanscouture.territory.Territory;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Timeout listener ({@code TimeoutListener_Remind}) of the parcours' tasks that have a deadline: before
 * the deadline, the people who hold the task are reminded of it. The timer's job is the mail's async
 * boundary: a failed send is retried, then becomes an incident.
 */
@Component("remindTaskHoldersListener")
public class RemindTaskHoldersListener implements TaskListener {

  private final WatchedTasks watchedTasks;
  private final EscalationMails mails;
  private final Territory territory;

  public RemindTaskHoldersListener(WatchedTasks watchedTasks, EscalationMails mails, Territory territory) {
    this.watchedTasks = watchedTasks;
    this.mails = mails;
    this.territory = territory;
  }

  @Override
  public void notify(DelegateTask task) {
    Urgency.SOON.raise(task);
    String parcoursId = PARCOURS_ID.from(task).get();
    mails.send(task.getProcessInstanceId(), watchedTasks.holders(task), "Rappel : tâche à traiter – parcours " + parcoursId, "task-reminder", task.getId(), Map.of(
        "taskName", task.getName(),
        "dueDate", territory.dayOf(task.getDueDate()),
        "parcoursId", parcoursId));
  }
}
