package fr.sanscouture.leadreferent;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code Task_NotifyPersonOfReferent} of the parcours, between async boundaries: tells the person who their référent is. */
@Component("notifyPersonOfReferentDelegate")
public class NotifyPersonOfReferentDelegate implements JavaDelegate {

  private final ReferentMails mails;

  public NotifyPersonOfReferentDelegate(ReferentMails mails) {
    this.mails = mails;
  }

  @Override
  public void execute(DelegateExecution execution) {
    mails.tellPerson(execution);
  }
}
