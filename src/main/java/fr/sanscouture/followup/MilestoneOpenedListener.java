package fr.sanscouture.followup;

import static fr.sanscouture.followup.FollowUpProcess.ACTIONS_PROGRESS;
import static fr.sanscouture.followup.FollowUpProcess.BARRIERS_PROGRESS;
import static fr.sanscouture.followup.FollowUpProcess.DECISION;
import static fr.sanscouture.followup.FollowUpProcess.JOB_DURATION_MONTHS;
import static fr.sanscouture.followup.FollowUpProcess.JOB_PERMANENT;
import static fr.sanscouture.followup.FollowUpProcess.REORIENTATION_REASON;

import fr.sanscouture.contribution.ContributionRequests;
import fr.sanscouture.contribution.ContributionsProcess;
import fr.sanscouture.parcours.ParcoursProcess;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Create listener of every milestone ({@link MilestonePlugin}) and of the joint re-diagnosis: the
 * previous milestone's answers, acted upon already, leave the follow-up, so that the form opens empty
 * and a field left empty is read as empty, not as last time's (a request for contributions without a
 * structure ticked is refused, not sent again to the structures of last time). The barriers' grades
 * stay: a re-diagnosis revises them.
 */
@Component("milestoneOpenedListener")
public class MilestoneOpenedListener implements TaskListener {

  static final List<String> ANSWERS = List.of(ACTIONS_PROGRESS.getName(), BARRIERS_PROGRESS.getName(), DECISION.getName(),
      ContributionRequests.REQUESTED_TYPES, ContributionsProcess.BARRIER.getName(), ContributionsProcess.QUESTION.getName(),
      REORIENTATION_REASON.getName(), ParcoursProcess.EXIT_REASON.getName(), JOB_PERMANENT.getName(), JOB_DURATION_MONTHS);

  @Override
  public void notify(DelegateTask task) {
    task.getExecution().removeVariables(ANSWERS);
  }
}
