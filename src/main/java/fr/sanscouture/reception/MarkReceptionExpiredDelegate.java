package fr.sanscouture.reception;

import static fr.sanscouture.reception.ReceptionProcess.RECEPTION_STATUS;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code Task_MarkReceptionExpired} of the reception, after the timers
 * {@code Timer_ReceptionDeadline*}: the month after entry has passed without a reception. The
 * reception goes on; the escalation of the delay is the escalation chain's work.
 */
@Component("markReceptionExpiredDelegate")
public class MarkReceptionExpiredDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    RECEPTION_STATUS.on(execution).set(ReceptionStatus.EXPIRED.name());
  }
}
