package fr.sanscouture.followup;

import fr.sanscouture.contribution.ContributionRequests;
import fr.sanscouture.diagnostic.DiagnosticRules;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Complete listener of {@code Task_HoldJointRediagnosis}: a milestone like the others, whose barriers
 * are graded again.
 */
@Component("jointRediagnosisHeldListener")
public class JointRediagnosisHeldListener extends MilestoneHeldListener {

  public JointRediagnosisHeldListener(ContributionRequests contributionRequests) {
    super(contributionRequests);
  }

  @Override
  public void notify(DelegateTask task) {
    DiagnosticRules.checkAndCountBarriers(task);
    super.notify(task);
  }
}
