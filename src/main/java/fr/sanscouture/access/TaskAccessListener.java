package fr.sanscouture.access;

import fr.sanscouture.identity.Directory;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Added to every user task by {@link ParcoursAccessPlugin}: on assignment, the assignee must be one of
 * the people the task is offered to. Who may give a task to someone — the responsables of the structure
 * it is offered to — is {@link PersonDataGuard}'s rule, beside their grant to assign tasks.
 */
class TaskAccessListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_ASSIGNMENT.equals(task.getEventName()) && task.getAssignee() != null) {
      checkAssignee(task);
    }
  }

  private static void checkAssignee(DelegateTask task) {
    String assignee = task.getAssignee();
    List<String> groups = Directory.candidateGroups(task);
    boolean candidateUser = task.getCandidates().stream().anyMatch(link -> assignee.equals(link.getUserId()));
    if (groups.isEmpty() || candidateUser) {
      return;
    }
    List<String> assigneeGroups = new Directory(task.getProcessEngineServices().getIdentityService()).groupsOf(assignee);
    if (groups.stream().noneMatch(assigneeGroups::contains)) {
      throw new BadUserRequestException(
          "La tâche ne peut être attribuée qu'à une personne de la structure à laquelle elle est confiée (« " + assignee + " » n'en fait pas partie).");
    }
  }

}
