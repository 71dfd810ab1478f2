package fr.sanscouture.access;

import fr.sanscouture.identity.Directory;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Added to every user task by {@link ParcoursAccessPlugin}. On creation, the responsables of the
 * structure a task is offered to may give it to someone (the engine lets the structure's members claim
 * and complete it); on assignment, the assignee must be one of the people the task is offered to.
 */
class TaskAccessListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      letManagersAssign(task);
    } else if (EVENTNAME_ASSIGNMENT.equals(task.getEventName()) && task.getAssignee() != null) {
      checkAssignee(task);
    }
  }

  private static void letManagersAssign(DelegateTask task) {
    Directory directory = new Directory(task.getProcessEngineServices().getIdentityService());
    AuthorizationService authorizations = task.getProcessEngineServices().getAuthorizationService();
    for (String group : Directory.candidateGroups(task)) {
      for (String manager : directory.managersOf(group)) {
        Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setResource(Resources.TASK);
        authorization.setResourceId(task.getId());
        authorization.setUserId(manager);
        authorization.addPermission(TaskPermissions.TASK_ASSIGN);
        authorizations.saveAuthorization(authorization);
      }
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
