package fr.sanscouture.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import fr.sanscouture.escalation.EscalationProcess;
import fr.sanscouture.escalation.MailFailureProcess;
import fr.sanscouture.orientation.OrientationProcess;
import fr.sanscouture.parcours.ParcoursProcess;
import fr.sanscouture.reception.ReceptionProcess;
import fr.sanscouture.territory.Territory;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Brings the engine's identity in line with the territory and the roles on every start, in every
 * profile: one group per structure, bassin and role, the baseline authorizations of each role and the
 * shared Tasklist filters. Groups and filters are created when missing; each role's grants are set to
 * exactly what is written here, so a restart changes nothing and a grant removed here is removed (any
 * other grant of a role group goes).
 */
@Component
class IdentitySetup {

  static final String FILTER_MY_TASKS = "Mes tâches";
  static final String FILTER_MY_ORGANISATION = "Ma structure";
  static final String FILTER_MY_DECISIONS = "Escalades et décisions";
  static final String FILTER_LATE = "En retard";

  private static final List<Role> TASKLIST_USERS =
      List.of(Role.REFERENT, Role.PARTENAIRE, Role.CHARGE_ORIENTATION, Role.RESPONSABLE, Role.ANIMATEUR, Role.DIRECTION);

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final FilterService filterService;
  private final TaskService taskService;
  private final Territory territory;

  IdentitySetup(IdentityService identityService, AuthorizationService authorizationService,
      FilterService filterService, TaskService taskService, Territory territory) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.filterService = filterService;
    this.taskService = taskService;
    this.territory = territory;
  }

  @EventListener(PostDeployEvent.class)
  @Order(0)
  void setUp() {
    territory.organisations().forEach(o -> ensureGroup(o.groupId(), o.name(), Role.STRUCTURE_GROUP_TYPE));
    territory.employmentAreas().forEach(a -> ensureGroup(a.groupId(), "Bassin " + a.name(), Role.BASSIN_GROUP_TYPE));
    for (Role role : Role.values()) {
      ensureGroup(role.groupId(), role.label(), Role.GROUP_TYPE);
    }
    grantRoles();
    ensureFilter(FILTER_MY_TASKS, -10, "Les tâches qui me sont attribuées",
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    ensureFilter(FILTER_MY_ORGANISATION, -5, "Les tâches de ma structure, à prendre ou déjà prises",
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks());
    ensureFilter(FILTER_LATE, -3, "Les tâches de ma structure ou les miennes dont l'échéance est passée",
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
            .dueBeforeExpression("${now()}"));
    ensureFilter(FILTER_MY_DECISIONS, 0, "Les retards et les décisions qui me sont soumis, en tant que responsable, animateur ou direction",
        taskService.createTaskQuery()
            .taskDefinitionKeyIn(EscalationProcess.Elements.HANDLE, ReceptionProcess.Elements.REVIEW_RECEPTION,
                ParcoursProcess.Elements.CHOOSE_LEAD_REFERENT, MailFailureProcess.Elements.RETRY_MAIL)
            .taskCandidateUserExpression("${currentUser()}").includeAssignedTasks());
  }

  private void grantRoles() {
    Set<String> granted = new HashSet<>();
    List<Role> monitors = List.of(Role.PILOTE, Role.ANIMATEUR, Role.DIRECTION);
    for (Role role : TASKLIST_USERS) {
      grant(granted, role, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      // the models themselves, for the diagram beside a task (the monitors' grant below says more);
      // the responsables give tasks to people, within their own structure (the gate of the APIs,
      // access.PersonDataGuard, refuses them any task not offered to their structure)
      if (role == Role.RESPONSABLE) {
        grant(granted, role, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.TASK_ASSIGN);
      } else if (!monitors.contains(role)) {
        grant(granted, role, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
      }
    }
    // the monitors see the models, the running instances (by parcours id), where they wait and their
    // incidents; no person's data: neither variables, nor tasks, nor history, which name people
    for (Role role : monitors) {
      grant(granted, role, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
      // the animateurs also move running parcours to the version they deployed (migration API), and
      // retry what failed (a mail that did not leave, once the mail server is back)
      Permission migrate = role == Role.ANIMATEUR ? ProcessDefinitionPermissions.MIGRATE_INSTANCE : ProcessDefinitionPermissions.NONE;
      Permission retry = role == Role.ANIMATEUR ? ProcessDefinitionPermissions.RETRY_JOB : ProcessDefinitionPermissions.NONE;
      grant(granted, role, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
          migrate, retry);
      grant(granted, role, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
      grant(granted, role, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
    }
    // to give a task to someone, Tasklist looks the person up among the users
    grant(granted, Role.RESPONSABLE, Resources.USER, ANY, Permissions.READ);
    // deploying models is the animateurs' alone
    grant(granted, Role.ANIMATEUR, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ);
    // the orientation decisions of the Département, with what they were based on
    grant(granted, Role.CHARGE_ORIENTATION, Resources.PROCESS_DEFINITION, OrientationProcess.KEY, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_HISTORY_VARIABLE);
    // any other grant of a role was written by an earlier version: it goes (partner systems, for one, go
    // through the application's API only, and no grant of theirs reaches the engine's REST API)
    for (Role role : Role.values()) {
      authorizationService.createAuthorizationQuery().groupIdIn(role.groupId()).list().stream()
          .filter(authorization -> !granted.contains(authorization.getId()))
          .forEach(authorization -> authorizationService.deleteAuthorization(authorization.getId()));
    }
  }

  private void ensureGroup(String id, String name, String type) {
    if (identityService.createGroupQuery().groupId(id).count() > 0) {
      return;
    }
    Group group = identityService.newGroup(id);
    group.setName(name);
    group.setType(type);
    identityService.saveGroup(group);
  }

  /** Grants the role exactly these permissions on the resource, replacing what it had there; notes the grant. */
  private void grant(Set<String> granted, Role role, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = authorizationService.createAuthorizationQuery()
        .groupIdIn(role.groupId()).resourceType(resource).resourceId(resourceId).singleResult();
    if (authorization == null) {
      authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(role.groupId());
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    authorization.setPermissions(permissions);
    granted.add(authorizationService.saveAuthorization(authorization).getId());
  }

  /** Creates the filter, readable by everyone; a filter of an earlier version gets this version's query. */
  private void ensureFilter(String name, int priority, String description, TaskQuery query) {
    Filter existing = filterService.createFilterQuery().filterName(name).singleResult();
    if (existing != null) {
      filterService.saveFilter(existing.setQuery(query));
      return;
    }
    Filter filter = filterService.newTaskFilter(name)
        .setQuery(query)
        .setProperties(Map.of(
            "priority", priority,
            "description", description,
            "refresh", true));
    filterService.saveFilter(filter);
    Authorization readable = authorizationService.createNewAuthorization(AUTH_TYPE_GLOBAL);
    readable.setResource(Resources.FILTER);
    readable.setResourceId(filter.getId());
    readable.addPermission(Permissions.READ);
    authorizationService.saveAuthorization(readable);
  }
}
