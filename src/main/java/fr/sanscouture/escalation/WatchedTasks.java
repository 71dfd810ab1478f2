package fr.sanscouture.escalation;

import fr.sanscouture.identity.Directory;
import fr.sanscouture.territory.Territory;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.stereotype.Component;

/** Who holds a task of the parcours, and which structure it belongs to. */
@Component
public class WatchedTasks {

  private final Directory directory;
  private final Territory territory;

  public WatchedTasks(Directory directory, Territory territory) {
    this.directory = directory;
    this.territory = territory;
  }

  /** Its assignee, or else its candidate users and the members of its candidate groups. */
  public Set<String> holders(DelegateTask task) {
    Set<String> holders = new LinkedHashSet<>();
    if (task.getAssignee() != null) {
      holders.add(task.getAssignee());
      return holders;
    }
    for (IdentityLink link : task.getCandidates()) {
      if (link.getUserId() != null) {
        holders.add(link.getUserId());
      } else {
        holders.addAll(directory.idsOfAll(link.getGroupId()));
      }
    }
    return holders;
  }

  /** The structure the task is offered to, or else the structure of its assignee. */
  public Optional<String> organisationOf(DelegateTask task) {
    Optional<String> candidate = Directory.candidateGroups(task).stream().filter(territory::isOrganisationGroup).findFirst();
    if (candidate.isPresent() || task.getAssignee() == null) {
      return candidate;
    }
    return directory.groupsOf(task.getAssignee()).stream().filter(territory::isOrganisationGroup).findFirst();
  }
}
