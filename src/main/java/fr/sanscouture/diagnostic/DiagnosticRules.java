package fr.sanscouture.diagnostic;

import static fr.sanscouture.diagnostic.DiagnosticProcess.MEDIUM_BARRIERS;
import static fr.sanscouture.diagnostic.DiagnosticProcess.STRONG_BARRIERS;

import fr.sanscouture.form.FormValues;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The checks a diagnostic must pass, shared by the tasks that record and revise it. */
public final class DiagnosticRules {

  private DiagnosticRules() {}

  /** Refuses a barrier left ungraded, then counts the strong and medium ones for the orientation. */
  public static void checkAndCountBarriers(VariableScope scope) {
    int strong = 0;
    int medium = 0;
    for (Barrier barrier : Barrier.values()) {
      BarrierImpact impact = barrier.variable().from(scope).getOptional()
          .flatMap(name -> FormValues.option(name, BarrierImpact.class))
          .orElseThrow(() -> new BadUserRequestException(
              "Indiquez l'impact du frein « " + barrier.label() + " » : fort, moyen ou sans impact."));
      strong += impact == BarrierImpact.STRONG ? 1 : 0;
      medium += impact == BarrierImpact.MEDIUM ? 1 : 0;
    }
    STRONG_BARRIERS.on(scope).set(strong);
    MEDIUM_BARRIERS.on(scope).set(medium);
  }
}
