package fr.sanscouture.immersion;

import static fr.sanscouture.immersion.ImmersionProcess.*;

import fr.sanscouture.form.FormValues;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of {@code Task_ValidateAgreement}: the prescriber validates the signed agreement, or
 * refuses it with a reason.
 */
@Component("agreementValidatedListener")
public class AgreementValidatedListener implements TaskListener {

  private final ImmersionAgreements agreements;

  public AgreementValidatedListener(ImmersionAgreements agreements) {
    this.agreements = agreements;
  }

  @Override
  public void notify(DelegateTask task) {
    switch (VALIDATION_DECISION.from(task).getOptional().orElse("")) {
      case "VALIDATE" -> {
        AGREEMENT_STATUS.on(task).set("VALIDATED");
        agreements.setStatus(AGREEMENT_ID.from(task).get(), ImmersionAgreements.Status.VALIDATED);
      }
      case "REFUSE" -> {
        if (FormValues.isBlank(REFUSAL_REASON, task)) {
          throw new BadUserRequestException("Indiquez pourquoi vous refusez la convention : le référent en sera informé.");
        }
        AGREEMENT_STATUS.on(task).set("REFUSED");
      }
      default -> throw new BadUserRequestException("Validez la convention ou refusez-la.");
    }
  }
}
