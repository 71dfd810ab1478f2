package fr.sanscouture.contribution;

import static fr.sanscouture.contribution.ContributionsProcess.ANSWER;
import static fr.sanscouture.contribution.ContributionsProcess.ANSWERED_BY;
import static fr.sanscouture.contribution.ContributionsProcess.CONTRIBUTION;
import static fr.sanscouture.contribution.ContributionsProcess.CONTRIBUTOR;

import fr.sanscouture.territory.Territory;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of {@code Task_Contribute}: a contribution needs an answer, kept with the task
 * under the name of the structure that gave it until {@link GatherContributionsDelegate} joins it to the
 * summary the référent reads.
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
    // kept with the task, where the other structures asked do not read it, until the answers are gathered
    String contributor = CONTRIBUTOR.from(task).get();
    task.setVariableLocal(ANSWERED_BY.getName(), contributor);
    task.setVariableLocal(CONTRIBUTION.getName(), territory.organisationByGroupId(contributor).name() + " : " + answer);
  }
}
