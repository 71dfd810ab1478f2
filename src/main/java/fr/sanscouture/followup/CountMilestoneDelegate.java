package fr.sanscouture.followup;

import static fr.sanscouture.followup.FollowUpProcess.MILESTONE_NUMBER;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code Task_CountMilestone} of the follow-up: the rank of the next milestone, which the table MilestonePlan reads. */
@Component("countMilestoneDelegate")
public class CountMilestoneDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    MILESTONE_NUMBER.on(execution).set(MILESTONE_NUMBER.from(execution).getOptional().orElse(0) + 1);
  }
}
