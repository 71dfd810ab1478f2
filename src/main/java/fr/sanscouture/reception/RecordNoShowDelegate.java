package fr.sanscouture.reception;

import static fr.sanscouture.reception.ReceptionProcess.MAY_INVITE_AGAIN;
import static fr.sanscouture.reception.ReceptionProcess.NEW_INVITATIONS_AFTER_NO_SHOW;
import static fr.sanscouture.reception.ReceptionProcess.NO_SHOW_COUNT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code Task_RecordNoShow} of the reception: counts the absences; after the allowed new
 * invitations, the responsable de structure decides.
 */
@Component("recordNoShowDelegate")
public class RecordNoShowDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    int noShows = NO_SHOW_COUNT.from(execution).getOptional().orElse(0) + 1;
    NO_SHOW_COUNT.on(execution).set(noShows);
    MAY_INVITE_AGAIN.on(execution).set(noShows <= NEW_INVITATIONS_AFTER_NO_SHOW);
  }
}
