package fr.sanscouture.immersion;

import static fr.sanscouture.immersion.ImmersionProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code Task_CancelAgreement}, between async boundaries: an agreement refused by the
 * prescriber, or not validated on the immersion's first day, is cancelled (its links then open nothing);
 * the parcours' record says why and the référent is told.
 */
@Component("cancelAgreementDelegate")
public class CancelAgreementDelegate implements JavaDelegate {

  private final ImmersionAgreements agreements;
  private final ImmersionMails mails;

  public CancelAgreementDelegate(ImmersionAgreements agreements, ImmersionMails mails) {
    this.agreements = agreements;
    this.mails = mails;
  }

  @Override
  public void execute(DelegateExecution execution) {
    agreements.setStatus(AGREEMENT_ID.from(execution).get(), ImmersionAgreements.Status.CANCELLED);
    String reason = "REFUSED".equals(AGREEMENT_STATUS.from(execution).getOptional().orElse(null))
        ? "le prescripteur a refusé la convention (" + REFUSAL_REASON.from(execution).get() + ")"
        : "la convention n'était pas signée et validée le jour de son début";
    ImmersionRecord.append(execution, ImmersionRecord.heading(execution) + " : annulée, " + reason + ".");
    RESULT.on(execution).set(CONTINUE);
    mails.tellCancelled(execution, reason);
  }
}
