package fr.sanscouture.escalation;

import static fr.sanscouture.escalation.EscalationProcess.*;
import static fr.sanscouture.parcours.ParcoursProcess.EMPLOYMENT_AREA;

import fr.sanscouture.identity.Directory;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code Task_RaiseEscalation} of the escalation: the next level of the chain that has
 * someone to answer, from the responsable de structure up to the Département, which is asked again
 * every time after that. Nobody at all to answer is an incident, never a silent stop.
 */
@Component("raiseEscalationDelegate")
public class RaiseEscalationDelegate implements JavaDelegate {

  private final EscalationChain chain;
  private final Directory directory;

  public RaiseEscalationDelegate(EscalationChain chain, Directory directory) {
    this.chain = chain;
    this.directory = directory;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String organisation = WATCHED_ORGANISATION.from(execution).getOptional().orElse(null);
    String area = EMPLOYMENT_AREA.from(execution).get();
    EscalationLevel level = LEVEL.from(execution).getOptional().map(EscalationLevel::valueOf)
        .map(EscalationLevel::next).orElse(EscalationLevel.RESPONSABLE);
    List<String> recipients = chain.recipients(level, organisation, area);
    while (recipients.isEmpty() && level != EscalationLevel.DIRECTION) {
      level = level.next();
      recipients = chain.recipients(level, organisation, area);
    }
    if (recipients.isEmpty()) {
      throw new IllegalStateException("Nobody in the escalation chain for the overdue task " + WATCHED_TASK_ID.from(execution).get());
    }
    LEVEL.on(execution).set(level.name());
    LEVEL_LABEL.on(execution).set(level.label());
    RECIPIENTS.on(execution).set(String.join(",", recipients));
    execution.setVariable(REASSIGN_OPTIONS,
        Directory.asSelectOptions(organisation == null ? List.of() : directory.referentsOf(organisation)));
  }
}
