package fr.sanscouture.leadreferent;

import static fr.sanscouture.orientation.OrientationProcess.LEAD_ORGANISATION;
import static fr.sanscouture.parcours.ParcoursProcess.EMPLOYMENT_AREA;
import static fr.sanscouture.parcours.ParcoursProcess.FORMER_LEAD_REFERENT;
import static fr.sanscouture.parcours.ParcoursProcess.LEAD_REFERENT;
import static fr.sanscouture.parcours.ParcoursProcess.LEAD_REFERENT_FOUND;
import static fr.sanscouture.parcours.ParcoursProcess.REFERENT_CHANGED_AT;

import fr.sanscouture.access.ParcoursAccess;
import fr.sanscouture.identity.Directory;
import fr.sanscouture.identity.Role;
import fr.sanscouture.territory.Territory;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Service task {@code Task_AssignLeadReferent} of the parcours: the référent of the lead structure and
 * the person's bassin who leads the fewest parcours; ties go to the first by user id. After a
 * réorientation, the former référent is kept for their read access.
 */
@Component("assignLeadReferentDelegate")
public class AssignLeadReferentDelegate implements JavaDelegate {

  private final Directory directory;
  private final Caseloads caseloads;
  private final Territory territory;

  public AssignLeadReferentDelegate(Directory directory, Caseloads caseloads, Territory territory) {
    this.directory = directory;
    this.caseloads = caseloads;
    this.territory = territory;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String areaGroup = territory.area(EMPLOYMENT_AREA.from(execution).get()).groupId();
    // one caseload query per référent; the list comes sorted by id, and min keeps the first of the lowest
    Optional<String> chosen = directory.membersOfAll(LEAD_ORGANISATION.from(execution).get(), Role.REFERENT.groupId(), areaGroup)
        .stream().map(user -> Map.entry(user.getId(), caseloads.of(user.getId())))
        .min(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
    LEAD_REFERENT.from(execution).getOptional().ifPresent(former -> {
      FORMER_LEAD_REFERENT.on(execution).set(former);
      REFERENT_CHANGED_AT.on(execution).set(ClockUtil.getCurrentTime());
      ParcoursAccess.of(execution.getProcessEngineServices()).keepFormerReferent(execution, former);
      LEAD_REFERENT.on(execution).remove();
    });
    chosen.ifPresent(LEAD_REFERENT.on(execution)::set);
    LEAD_REFERENT_FOUND.on(execution).set(chosen.isPresent());
  }
}
