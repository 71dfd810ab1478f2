package fr.sanscouture.escalation;

import static fr.sanscouture.parcours.ParcoursProcess.EMPLOYMENT_AREA;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_FindMailFailureHolders}: who sends a failed mail again — the responsables of the
 * parcours' structure, else up the {@link EscalationChain}; nobody at all is an incident.
 */
@Component("findMailFailureHoldersDelegate")
public class FindMailFailureHoldersDelegate implements JavaDelegate {

  private final EscalationChain chain;

  public FindMailFailureHoldersDelegate(EscalationChain chain) {
    this.chain = chain;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var holders = chain.answerableFor(MailFailureProcess.ORGANISATION.from(execution).getOptional().orElse(null),
        EMPLOYMENT_AREA.from(execution).getOptional().orElse(null));
    if (holders.isEmpty()) {
      throw new IllegalStateException("Personne pour relancer le courriel du parcours : ni responsable de la structure, "
          + "ni animateur du bassin, ni direction.");
    }
    MailFailureProcess.HOLDERS.on(execution).set(String.join(",", holders));
  }
}
