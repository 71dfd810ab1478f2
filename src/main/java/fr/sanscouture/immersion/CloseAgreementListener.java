package fr.sanscouture.immersion;

import static fr.sanscouture.immersion.ImmersionProcess.AGREEMENT_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End listener of the process {@code immersion}: an immersion that ends before its agreement is cancelled
 * or completed — its parcours ended, the CAF ended the rights — leaves no agreement open: its dates no
 * longer count and its links stop working.
 */
@Component("closeAgreementListener")
public class CloseAgreementListener implements ExecutionListener {

  private final ImmersionAgreements agreements;

  public CloseAgreementListener(ImmersionAgreements agreements) {
    this.agreements = agreements;
  }

  @Override
  public void notify(DelegateExecution execution) {
    AGREEMENT_ID.from(execution).getOptional().ifPresent(agreements::cancelIfOpen);
  }
}
