package fr.sanscouture.leadreferent;

import static fr.sanscouture.parcours.ParcoursProcess.EMPLOYMENT_AREA;
import static fr.sanscouture.orientation.OrientationProcess.LEAD_ORGANISATION;
import static fr.sanscouture.parcours.ParcoursProcess.LEAD_ASSIGNMENT_MANAGERS;
import static fr.sanscouture.parcours.ParcoursProcess.LEAD_REFERENT_OPTIONS;

import fr.sanscouture.escalation.EscalationChain;
import fr.sanscouture.identity.Directory;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code Task_ReferLeadAssignment} of the parcours: the lead structure has no référent in
 * the person's bassin, so its responsables choose one among all its référents. A structure without a
 * responsable does not stop the parcours: the animateurs of the bassin choose, or else the direction
 * ({@link EscalationChain#answerableFor}).
 */
@Component("referLeadAssignmentDelegate")
public class ReferLeadAssignmentDelegate implements JavaDelegate {

  private final Directory directory;
  private final EscalationChain chain;

  public ReferLeadAssignmentDelegate(Directory directory, EscalationChain chain) {
    this.directory = directory;
    this.chain = chain;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String organisation = LEAD_ORGANISATION.from(execution).get();
    List<String> managers = chain.answerableFor(organisation, EMPLOYMENT_AREA.from(execution).get());
    if (managers.isEmpty()) {
      throw new IllegalStateException("Personne pour choisir le référent : " + organisation
          + " n'a pas de responsable, le bassin pas d'animateur, le Département pas de direction de l'insertion");
    }
    LEAD_ASSIGNMENT_MANAGERS.on(execution).set(String.join(",", managers));
    execution.setVariable(LEAD_REFERENT_OPTIONS, Directory.asSelectOptions(directory.referentsOf(organisation)));
  }
}
