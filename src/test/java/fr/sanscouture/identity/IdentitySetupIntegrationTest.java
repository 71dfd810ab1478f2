package fr.sanscouture.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import fr.sanscouture.PostgresIntegrationTest;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What a start does to the roles' grants: exactly those the application writes, nothing left from before. */
class IdentitySetupIntegrationTest extends PostgresIntegrationTest {

  @Autowired IdentitySetup identitySetup;
  @Autowired AuthorizationService authorizationService;

  @Test
  void aStartRemovesTheRoleGrantsAnEarlierVersionWroteAndChangesNothingElse() {
    List<String> before = roleGrants();
    // an earlier version let the pilotes read the running instances, and the partner systems the models
    grantRead(Role.PILOTE, Resources.PROCESS_INSTANCE);
    grantRead(Role.FLUX_PARTENAIRE, Resources.PROCESS_DEFINITION);
    assertThat(roleGrants()).hasSize(before.size() + 2);

    identitySetup.setUp();

    assertThat(roleGrants()).containsExactlyInAnyOrderElementsOf(before);
    assertThat(authorizationService.isUserAuthorized("nobody", List.of(Role.PILOTE.groupId()), Permissions.ACCESS,
        Resources.APPLICATION, "cockpit")).isTrue();
  }

  private void grantRead(Role role, Resource resource) {
    Authorization grant = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
    grant.setGroupId(role.groupId());
    grant.setResource(resource);
    grant.setResourceId(ANY);
    grant.addPermission(Permissions.READ);
    authorizationService.saveAuthorization(grant);
  }

  /** Each role's grants: group, resource, resource id and permissions. */
  private List<String> roleGrants() {
    return authorizationService.createAuthorizationQuery()
        .groupIdIn(Arrays.stream(Role.values()).map(Role::groupId).toArray(String[]::new)).list().stream()
        .map(grant -> grant.getGroupId() + " " + grant.getResourceType() + " " + grant.getResourceId() + " "
            + Arrays.toString(grant.getPermissions(Permissions.values())))
        .toList();
  }
}
