package fr.sanscouture.contribution;

import static fr.sanscouture.contribution.ContributionsProcess.ANSWER;
import static fr.sanscouture.contribution.ContributionsProcess.ANSWERED_BY;
import static fr.sanscouture.contribution.ContributionsProcess.CONTRIBUTOR;
import static fr.sanscouture.contribution.ContributionsProcess.SUMMARY;

import fr.sanscouture.territory.Territory;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of {@code Task_Contribute}: a contribution needs an answer, which joins the
 * summary the référent reads, under the name of the structure that gave it.
 */
@Component("contributionAnsweredListener")
public class ContributionAnsweredListener implements TaskListener {

  static final int MAX_LENGTH = 3000;

  private final Territory territory;

  public ContributionAnsweredListener(Territory territory) {
    this.territory = territory;
  }

  @Override
  public void notify(DelegateTask task) {
    String answer = ANSWER.from(task).getOptional().map(String::strip).orElse("");
    if (answer.isEmpty()) {
      throw new BadUserRequestException("Rédigez votre contribution avant de la transmettre.");
    }
    if (answer.length() > MAX_LENGTH) {
      throw new BadUserRequestException("La contribution ne doit pas dépasser " + MAX_LENGTH + " caractères.");
    }
    DelegateExecution parcours = task.getExecution().getProcessInstance();
    String organisation = territory.organisationByGroupId(CONTRIBUTOR.from(task).get()).name();
    String previous = SUMMARY.from(parcours).getOptional().map(text -> text + "\n\n").orElse("");
    SUMMARY.on(parcours).set(previous + organisation + " : " + answer);
    String answered = ANSWERED_BY.from(parcours).getOptional().map(ids -> ids + ",").orElse("");
    ANSWERED_BY.on(parcours).set(answered + CONTRIBUTOR.from(task).get());
  }
}
