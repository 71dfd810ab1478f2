package fr.sanscouture.followup;

import static fr.sanscouture.parcours.ParcoursProcess.EXIT_REASON;
import static fr.sanscouture.parcours.ParcoursProcess.FOLLOW_UP_RESULT;

import fr.sanscouture.parcours.ExitReason;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener of {@code EndEvent_HiredAfterImmersion}: the host company hires the person for good (a
 * CDI, or six months or more), which is the parcours' exit to a sustainable job.
 */
@Component("hiredAfterImmersionListener")
public class HiredAfterImmersionListener implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    FOLLOW_UP_RESULT.on(execution).set(FollowUpProcess.EXIT);
    EXIT_REASON.on(execution).set(ExitReason.SUSTAINABLE_JOB.name());
  }
}
