package fr.sanscouture.immersion;

import static fr.sanscouture.immersion.ImmersionProcess.*;
import static fr.sanscouture.parcours.ParcoursProcess.LEAD_REFERENT;

import fr.sanscouture.immersion.ImmersionAgreements.Party;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Service task {@code Task_SendReminder}, after an async boundary: at {@link Reminder#SIGNATORIES}, the
 * person and the company that have not signed get a new link, the accompanying structure's référent a
 * reminder; at the prescriber's reminders, the prescriber is reminded to validate, once there is an
 * agreement signed by the others to validate.
 */
@Component("sendReminderDelegate")
public class SendReminderDelegate implements JavaDelegate {

  private final ImmersionMails mails;
  private final ImmersionAgreements agreements;

  public SendReminderDelegate(ImmersionMails mails, ImmersionAgreements agreements) {
    this.mails = mails;
    this.agreements = agreements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (Reminder.valueOf(NEXT_REMINDER.from(execution).get()) != Reminder.SIGNATORIES) {
      openTask(execution, Elements.VALIDATE_AGREEMENT)
          .ifPresent(task -> mails.remindStructure(execution, mails.prescriberContacts(execution), "validation", task));
      return;
    }
    ImmersionAgreements.Agreement agreement = agreements.find(AGREEMENT_ID.from(execution).get()).orElseThrow();
    for (Party party : Party.values()) {
      if (!agreement.signedBy(party)) {
        mails.askSignature(execution, party, true);
      }
    }
    openTask(execution, Elements.SIGN_AS_ACCOMPANYING)
        .ifPresent(task -> mails.remindStructure(execution, List.of(LEAD_REFERENT.from(execution).get()), "signature", task));
  }

  /** The task a structure has to do, while it is open: the prescriber validates once every other party signed. */
  private static Optional<Task> openTask(DelegateExecution execution, String taskDefinitionKey) {
    return Optional.ofNullable(execution.getProcessEngineServices().getTaskService().createTaskQuery()
        .processInstanceId(execution.getProcessInstanceId()).taskDefinitionKey(taskDefinitionKey).singleResult());
  }
}
