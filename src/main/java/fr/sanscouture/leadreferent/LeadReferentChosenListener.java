package fr.sanscouture.leadreferent;

import static fr.sanscouture.orientation.OrientationProcess.LEAD_ORGANISATION;
import static fr.sanscouture.parcours.ParcoursProcess.LEAD_REFERENT;

import fr.sanscouture.identity.Directory;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Complete listener of {@code Task_ChooseLeadReferent}: the référent chosen works in the lead structure. */
@Component("leadReferentChosenListener")
public class LeadReferentChosenListener implements TaskListener {

  private final Directory directory;

  public LeadReferentChosenListener(Directory directory) {
    this.directory = directory;
  }

  @Override
  public void notify(DelegateTask task) {
    String chosen = LEAD_REFERENT.from(task).getOptional().orElse("");
    if (!directory.isReferentOf(chosen, LEAD_ORGANISATION.from(task).get())) {
      throw new BadUserRequestException("Choisissez un référent de la structure.");
    }
  }
}
