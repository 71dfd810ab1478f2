package fr.sanscouture.contribution;

import static fr.sanscouture.contribution.ContributionsProcess.SUMMARY;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_GatherContributions} and {@code Task_GatherContributionsAtDeadline}: once no structure
 * asked is still answering, their answers, in the order given, become the summary the calling model
 * passes on to the référent.
 */
@Component("gatherContributionsDelegate")
public class GatherContributionsDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    List<String> contributions = ContributionAnswers.of(execution).contributions();
    if (!contributions.isEmpty()) {
      SUMMARY.on(execution).set(String.join("\n\n", contributions));
    }
  }
}
