package fr.sanscouture.identity;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.stereotype.Component;

/** Who works where: the people of a structure and a bassin, by role, from the engine's identity. */
@Component
public class Directory {

  private final IdentityService identityService;

  public Directory(IdentityService identityService) {
    this.identityService = identityService;
  }

  /**
   * The members of every given group, ordered by user id. The first group is the narrowest (a structure,
   * a bassin): each next one is looked up among its members only, never loaded whole.
   */
  public List<User> membersOfAll(String... groupIds) {
    List<User> members = identityService.createUserQuery().memberOfGroup(groupIds[0]).list();
    for (int i = 1; i < groupIds.length && !members.isEmpty(); i++) {
      members = identityService.createUserQuery().memberOfGroup(groupIds[i]).userIdIn(ids(members).toArray(String[]::new)).list();
    }
    return members.stream().sorted(Comparator.comparing(User::getId)).toList();
  }

  /** The user ids of the members of every given group, ordered. */
  public List<String> idsOfAll(String... groupIds) {
    return ids(membersOfAll(groupIds));
  }

  /** The user ids of a structure's responsables, who receive what its référents cannot settle. */
  public List<String> managersOf(String organisationGroupId) {
    return idsOfAll(organisationGroupId, Role.RESPONSABLE.groupId());
  }

  private static List<String> ids(List<User> users) {
    return users.stream().map(User::getId).toList();
  }

  /** The référents of a structure, in every bassin. */
  public List<User> referentsOf(String organisationGroupId) {
    return membersOfAll(organisationGroupId, Role.REFERENT.groupId());
  }

  /** Whether the user is a référent of the structure: two memberships, looked up for this user only. */
  public boolean isReferentOf(String userId, String organisationGroupId) {
    return isMember(userId, organisationGroupId) && isMember(userId, Role.REFERENT.groupId());
  }

  private boolean isMember(String userId, String groupId) {
    return identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0;
  }

  /** The users as the options of a form's select (a JSON list of label and value). */
  public static JsonValue asSelectOptions(List<User> users) {
    List<Map<String, String>> options = users.stream()
        .map(user -> Map.of("label", displayName(user), "value", user.getId()))
        .toList();
    return SpinValues.jsonValue(Spin.JSON(options)).create();
  }

  public static String displayName(User user) {
    return user.getFirstName() + " " + user.getLastName();
  }

  /** The groups a task is offered to (its candidate groups). */
  public static List<String> candidateGroups(DelegateTask task) {
    return task.getCandidates().stream().map(IdentityLink::getGroupId).filter(Objects::nonNull).toList();
  }

  /** The ids of the groups a user belongs to. */
  public List<String> groupsOf(String userId) {
    return identityService.createGroupQuery().groupMember(userId).list().stream().map(group -> group.getId()).toList();
  }

  /** The display names of these users, by user id, in one query; an unknown id has none. */
  public Map<String, String> displayNames(Collection<String> userIds) {
    if (userIds.isEmpty()) {
      return Map.of();
    }
    return identityService.createUserQuery().userIdIn(userIds.toArray(String[]::new)).list().stream()
        .collect(Collectors.toMap(User::getId, Directory::displayName));
  }

  public Optional<User> user(String userId) {
    return Optional.ofNullable(identityService.createUserQuery().userId(userId).singleResult());
  }
}
