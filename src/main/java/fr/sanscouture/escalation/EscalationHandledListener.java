package fr.sanscouture.escalation;

import static fr.sanscouture.escalation.EscalationProcess.*;

import fr.sanscouture.identity.Directory;
import fr.sanscouture.form.FormValues;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of {@code Task_HandleEscalation}: the overdue task is given to a référent of its
 * structure, or the delay is justified in writing.
 */
@Component("escalationHandledListener")
public class EscalationHandledListener implements TaskListener {

  private final Directory directory;

  public EscalationHandledListener(Directory directory) {
    this.directory = directory;
  }

  @Override
  public void notify(DelegateTask task) {
    String decision = DECISION.from(task).getOptional().orElse("");
    if (decision.equals(REASSIGN)) {
      String referent = REASSIGN_TO.from(task).getOptional().orElse("");
      String organisation = WATCHED_ORGANISATION.from(task).getOptional()
          .orElseThrow(() -> new BadUserRequestException("Cette tâche n'appartient à aucune structure : justifiez le retard."));
      if (!directory.isReferentOf(referent, organisation)) {
        throw new BadUserRequestException("Choisissez un référent de la structure à qui confier la tâche.");
      }
      task.getProcessEngineServices().getTaskService().setAssignee(WATCHED_TASK_ID.from(task).get(), referent);
    } else if (decision.equals(JUSTIFY)) {
      if (FormValues.isBlank(JUSTIFICATION, task)) {
        throw new BadUserRequestException("Expliquez le retard.");
      }
    } else {
      throw new BadUserRequestException("Confiez la tâche à un référent ou justifiez le retard.");
    }
  }
}
