package fr.sanscouture.immersion;

import static fr.sanscouture.immersion.ImmersionProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code Task_RecordReview}: the bilan goes to the parcours' record, and decides what comes
 * next: a sustainable hiring ends the parcours with a job; a renewal asked and still allowed (once) opens
 * the renewal's request; otherwise back to the follow-up.
 */
@Component("recordReviewDelegate")
public class RecordReviewDelegate implements JavaDelegate {

  private final ImmersionAgreements agreements;

  public RecordReviewDelegate(ImmersionAgreements agreements) {
    this.agreements = agreements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String agreementId = AGREEMENT_ID.from(execution).get();
    agreements.setStatus(agreementId, ImmersionAgreements.Status.COMPLETED);
    ImmersionReview review = ImmersionReview.read(execution::getVariable);
    int renewals = RENEWAL_COUNT.from(execution).getOptional().orElse(0);
    boolean renewalAllowed = renewals < ImmersionRules.MAX_RENEWALS;
    String line = ImmersionRecord.heading(execution) + " : " + review.describe()
        + (review.renewalAsked() && !renewalAllowed ? " (non accordé : une immersion ne se renouvelle qu'une fois)" : "") + ".";
    ImmersionRecord.append(execution, line);

    if (review.sustainableHiring()) {
      RESULT.on(execution).set(HIRED);
    } else if (review.renewalAsked() && renewalAllowed) {
      RESULT.on(execution).set(RENEWAL_GRANTED);
      RENEWAL.on(execution).set(true);
      RENEWAL_COUNT.on(execution).set(renewals + 1);
      RENEWAL_JUSTIFICATION.on(execution).set(review.renewalReason());
      // the renewal's agreement is requested, signed, validated and reviewed anew
      execution.removeVariables(PER_AGREEMENT);
    } else {
      RESULT.on(execution).set(CONTINUE);
    }
  }
}
