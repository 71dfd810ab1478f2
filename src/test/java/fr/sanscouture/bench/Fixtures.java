package fr.sanscouture.bench;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;

/**
 * The benchmark's accounts and baseline models: a partner system, a référent of Département – Grand
 * Avignon (the structure that receives the parcours the benchmark starts), a référent of France Travail
 * Cavaillon (who leads the parcours taken to its end), a référent of a structure that keeps as many
 * open tasks at every size, and the two trivial models of the baselines.
 */
final class Fixtures {

  static final String PASSWORD = "Banc-d-essai-2026";
  static final String PARTNER = "bench-flux";
  static final String REFERENT = "bench-referent";
  static final String REFERENT_STRUCTURE = "structure-dept-grand-avignon";
  static final String LEAD_REFERENT = "bench-referent-cavaillon";
  /** A référent of a structure whose open tasks stay as many whatever the territory's (Département – Nord Vaucluse). */
  static final String SMALL_REFERENT = "bench-referent-nord";
  static final String SMALL_STRUCTURE = "structure-dept-nord-vaucluse";
  static final String ONE_TASK = "bench-one-task";
  static final String TIMER = "bench-timer";
  /** The « Ma structure » filter that IdentitySetup creates, Tasklist's inbox of a structure. */
  static final String INBOX_FILTER = "Ma structure";

  private Fixtures() {}

  static void create(BenchApp app) {
    IdentityService identity = app.engine.getIdentityService();
    account(identity, PARTNER, "role-flux-partenaire");
    account(identity, REFERENT, "role-referent", REFERENT_STRUCTURE, "bassin-grand-avignon");
    account(identity, LEAD_REFERENT, "role-referent", "structure-ft-cavaillon", "bassin-sud-vaucluse");
    account(identity, SMALL_REFERENT, "role-referent", SMALL_STRUCTURE, "bassin-nord-vaucluse");
    // the partner system starts the one-task model through the engine's REST API, as it starts parcours
    // through the application's: its grants are the least that takes
    AuthorizationService authorizations = app.engine.getAuthorizationService();
    grant(authorizations, Resources.PROCESS_DEFINITION, ONE_TASK,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
    grant(authorizations, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
    app.engine.getRepositoryService().createDeployment().name("bench")
        .addClasspathResource("bench/one-task.bpmn")
        .addClasspathResource("bench/bare-timer.bpmn")
        .addClasspathResource("bench/bench-one-task.form")
        .deploy();
  }

  static String inboxFilterId(BenchApp app) {
    return app.engine.getFilterService().createFilterQuery().filterName(INBOX_FILTER).singleResult().getId();
  }

  private static void account(IdentityService identity, String id, String... groups) {
    User user = identity.newUser(id);
    user.setFirstName(id);
    user.setLastName("Banc d'essai");
    user.setEmail(id + "@bench.example");
    user.setPassword(PASSWORD);
    identity.saveUser(user);
    List.of(groups).forEach(group -> identity.createMembership(id, group));
  }

  private static void grant(AuthorizationService authorizations, Resource resource, String resourceId, Permission... permissions) {
    var authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    authorization.setUserId(PARTNER);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    authorization.setPermissions(permissions);
    authorizations.saveAuthorization(authorization);
  }
}
