package fr.sanscouture.escalation;

import static fr.sanscouture.escalation.EscalationProcess.*;
import static fr.sanscouture.parcours.ParcoursProcess.PARCOURS_ID;

import fr.sanscouture.territory.Territory;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code Task_NotifyEscalation} of the escalation, between async boundaries: mails the level's people. */
@Component("notifyEscalationDelegate")
public class NotifyEscalationDelegate implements JavaDelegate {

  private final EscalationMails mails;
  private final Territory territory;

  public NotifyEscalationDelegate(EscalationMails mails, Territory territory) {
    this.mails = mails;
    this.territory = territory;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String parcoursId = PARCOURS_ID.from(execution).get();
    mails.send(execution.getProcessInstanceId(), List.of(RECIPIENTS.from(execution).get().split(",")),
        "Retard – parcours " + parcoursId, "escalation", WATCHED_TASK_ID.from(execution).get(), Map.of(
            "taskName", WATCHED_TASK_NAME.from(execution).get(),
            "dueDate", territory.dayOf(WATCHED_TASK_DUE.from(execution).get()),
            "levelLabel", LEVEL_LABEL.from(execution).get(),
            "parcoursId", parcoursId));
  }
}
