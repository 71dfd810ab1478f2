package fr.sanscouture.contribution;

import static fr.sanscouture.contribution.ContributionsProcess.CONTRIBUTORS;
import static fr.sanscouture.parcours.ParcoursProcess.PARCOURS_ID;

import fr.sanscouture.identity.Directory;
import fr.sanscouture.mail.UserMailer;
import fr.sanscouture.parcours.ParcoursProcess;
import fr.sanscouture.territory.Territory;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code Task_ReportUnansweredContributions} of the contributions, in the job of the
 * 10 days' timer and before an async boundary: the responsables of each structure that did not answer are told.
 */
@Component("reportUnansweredContributionsDelegate")
public class ReportUnansweredContributionsDelegate implements JavaDelegate {

  private final Directory directory;
  private final UserMailer mailer;
  private final Territory territory;

  public ReportUnansweredContributionsDelegate(Directory directory, UserMailer mailer, Territory territory) {
    this.directory = directory;
    this.mailer = mailer;
    this.territory = territory;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Set<String> answered = ContributionAnswers.of(execution).answeredBy();
    String parcoursId = PARCOURS_ID.from(execution).get();
    for (String structure : CONTRIBUTORS.from(execution).get()) {
      if (answered.contains(structure)) {
        continue;
      }
      List<String> managers = directory.managersOf(structure);
      if (managers.isEmpty()) {
        continue;
      }
      mailer.send(execution.getProcessInstanceId(), managers, "Contribution non rendue – parcours " + parcoursId, "contribution-unanswered", Map.of(
          "organisation", territory.organisationByGroupId(structure).name(),
          "personName", ParcoursProcess.personName(execution),
          "parcoursId", parcoursId));
    }
  }
}
