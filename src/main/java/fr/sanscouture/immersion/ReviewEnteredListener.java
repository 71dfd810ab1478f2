package fr.sanscouture.immersion;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of {@code Task_EnterReview}: the tutor did not give the bilan in time, so the référent
 * records it (asked by phone); it is checked as the tutor's is, and the user who completes it is named as
 * its author.
 */
@Component("reviewEnteredListener")
public class ReviewEnteredListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    ImmersionReview review = ImmersionReview.read(task::getVariable);
    Authentication user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    task.getExecution().setVariables(review.asVariables(user != null ? user.getUserId() : task.getAssignee()));
  }
}
