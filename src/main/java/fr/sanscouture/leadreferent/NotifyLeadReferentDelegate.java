package fr.sanscouture.leadreferent;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code Task_NotifyLeadReferent} of the parcours, between async boundaries: tells the référent about the person they now lead. */
@Component("notifyLeadReferentDelegate")
public class NotifyLeadReferentDelegate implements JavaDelegate {

  private final ReferentMails mails;

  public NotifyLeadReferentDelegate(ReferentMails mails) {
    this.mails = mails;
  }

  @Override
  public void execute(DelegateExecution execution) {
    mails.tellReferent(execution);
  }
}
