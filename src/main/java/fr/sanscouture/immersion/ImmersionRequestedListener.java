package fr.sanscouture.immersion;

import static fr.sanscouture.immersion.ImmersionProcess.COMPANY_SIRET;
import static fr.sanscouture.immersion.ImmersionProcess.REQUEST_DECISION;

import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of {@code Task_RequestImmersion}: the référent withdraws the request, or submits one
 * that keeps every rule of {@link ImmersionRules}; otherwise the task stays open with every breach in French.
 */
@Component("immersionRequestedListener")
public class ImmersionRequestedListener implements TaskListener {

  private final ImmersionRules rules;

  public ImmersionRequestedListener(ImmersionRules rules) {
    this.rules = rules;
  }

  @Override
  public void notify(DelegateTask task) {
    String decision = REQUEST_DECISION.from(task).getOptional().orElse("");
    if (decision.equals("WITHDRAW")) {
      return;
    }
    if (!decision.equals("SUBMIT")) {
      throw new BadUserRequestException("Choisissez d'envoyer la demande d'immersion ou d'y renoncer.");
    }
    List<String> breaches = rules.breaches(task);
    if (!breaches.isEmpty()) {
      throw new BadUserRequestException(String.join(" ", breaches));
    }
    COMPANY_SIRET.on(task).set(Siret.normalise(COMPANY_SIRET.from(task).get()));
  }
}
