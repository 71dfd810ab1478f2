package fr.sanscouture.leadreferent;

import static fr.sanscouture.orientation.OrientationProcess.LEAD_ORGANISATION;
import static fr.sanscouture.parcours.ParcoursProcess.LEAD_ASSIGNMENT_MANAGERS;
import static fr.sanscouture.parcours.ParcoursProcess.LEAD_REFERENT_OPTIONS;

import fr.sanscouture.identity.Directory;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code Task_ReferLeadAssignment} of the parcours: the lead structure has no référent in
 * the person's bassin, so its responsables choose one among all its référents. A structure without a
 * responsable is an incident, never a lost case.
 */
@Component("referLeadAssignmentDelegate")
public class ReferLeadAssignmentDelegate implements JavaDelegate {

  private final Directory directory;

  public ReferLeadAssignmentDelegate(Directory directory) {
    this.directory = directory;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String organisation = LEAD_ORGANISATION.from(execution).get();
    List<String> managers = directory.managersOf(organisation);
    if (managers.isEmpty()) {
      throw new IllegalStateException("No responsable de structure in " + organisation + " to choose a référent");
    }
    LEAD_ASSIGNMENT_MANAGERS.on(execution).set(String.join(",", managers));
    execution.setVariable(LEAD_REFERENT_OPTIONS, Directory.asSelectOptions(directory.referentsOf(organisation)));
  }
}
