package fr.sanscouture.access;

import static io.holunda.camunda.bpm.data.CamundaBpmData.stringVariable;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import fr.sanscouture.contribution.ContributionsProcess;
import fr.sanscouture.orientation.OrientationProcess;
import fr.sanscouture.parcours.ParcoursProcess;
import io.holunda.camunda.bpm.data.CamundaBpmData;
import io.holunda.camunda.bpm.data.factory.VariableFactory;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.AuthorizationQuery;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;

/**
 * Who reads a parcours: the structure in charge of it — the reception structure, then the lead
 * structure once the orientation is decided — reads every process instance of the parcours, running
 * and in history, its escalations included; nobody else does, but for the people who work a task of it
 * (the engine's own grants on the task) and, for 30 days after a réorientation, the former référent.
 *
 * <p>When the charge passes to another structure, the former one loses everything of the parcours,
 * with the grants of its members on the history of the parcours' tasks. The grants of the partners on
 * their contribution requests and of the chargés d'orientation on the orientation stay theirs: those
 * models receive only what their task needs, and no health or disability detail.
 *
 * <p>Engine calls made from delegation code check no authorization, so these grants are made whoever
 * completes the task that triggers them.
 */
public final class ParcoursAccess {

  /** Group id of the structure in charge, on the parcours' root instance. */
  public static final VariableFactory<String> ORGANISATION_IN_CHARGE = stringVariable("organisationInCharge");

  /** Models whose task holders keep their history when the charge passes on. */
  private static final Set<String> KEPT_BY_THEIR_WORKERS = Set.of(ContributionsProcess.KEY, OrientationProcess.KEY);

  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final AuthorizationService authorizationService;

  private ParcoursAccess(ProcessEngineServices engine) {
    this.runtimeService = engine.getRuntimeService();
    this.historyService = engine.getHistoryService();
    this.authorizationService = engine.getAuthorizationService();
  }

  public static ParcoursAccess of(ProcessEngineServices engine) {
    return new ParcoursAccess(engine);
  }

  /** Gives the charge of the parcours the execution belongs to to a structure, taking it from the former one. */
  public void takeCharge(DelegateExecution execution, String organisationGroupId) {
    List<DelegateExecution> chain = chain(execution);
    DelegateExecution root = chain.get(chain.size() - 1);
    String former = ORGANISATION_IN_CHARGE.from(root).getOptional().orElse(null);
    if (organisationGroupId.equals(former)) {
      return;
    }
    ORGANISATION_IN_CHARGE.on(root).set(organisationGroupId);
    List<HistoricProcessInstance> stored = instancesOf(execution.getProcessBusinessKey());
    Set<String> all = withChain(chain, stored.stream());
    Set<String> running = withChain(chain, stored.stream().filter(instance -> instance.getEndTime() == null));
    if (former != null) {
      running.forEach(id -> revoke(Resources.PROCESS_INSTANCE, id, former, null));
      all.forEach(id -> revoke(Resources.HISTORIC_PROCESS_INSTANCE, id, former, null));
      tasksOfTheCase(root.getProcessInstanceId()).forEach(taskId -> revokeAll(Resources.HISTORIC_TASK, taskId));
    }
    // a structure's grants go with its charge: none exist on a parcours nobody was in charge of yet
    BiConsumer<Resource, String> grant = former == null
        ? (resource, id) -> create(resource, id, organisationGroupId, null)
        : (resource, id) -> grant(resource, id, organisationGroupId, null);
    running.forEach(id -> grant.accept(Resources.PROCESS_INSTANCE, id));
    all.forEach(id -> grant.accept(Resources.HISTORIC_PROCESS_INSTANCE, id));
  }

  /**
   * Start listener of every model: a part of a parcours that starts, or an instance started beside a
   * running parcours with its id (its escalations), is readable by the structure in charge.
   */
  public void shareNewInstance(DelegateExecution execution) {
    Optional<String> inCharge = execution.getProcessInstance().getSuperExecution() != null
        ? ORGANISATION_IN_CHARGE.from(root(execution)).getOptional()
        // a parcours that starts has nobody in charge yet
        : isParcours(execution) ? Optional.empty() : organisationInChargeOf(execution.getProcessBusinessKey());
    // a new instance has no grant yet
    inCharge.ifPresent(organisation -> {
      create(Resources.PROCESS_INSTANCE, execution.getProcessInstanceId(), organisation, null);
      create(Resources.HISTORIC_PROCESS_INSTANCE, execution.getProcessInstanceId(), organisation, null);
    });
  }

  /**
   * After a réorientation, the former référent keeps reading the parcours as it stands, until the model
   * {@code former-referent-access} ends it (30 days later).
   */
  public void keepFormerReferent(DelegateExecution execution, String userId) {
    withChain(chain(execution), instancesOf(execution.getProcessBusinessKey()).stream())
        .forEach(id -> grant(Resources.HISTORIC_PROCESS_INSTANCE, id, null, userId));
    runtimeService.startProcessInstanceByKey(FormerReferentAccessProcess.KEY, execution.getProcessBusinessKey(),
        CamundaBpmData.builder().set(FormerReferentAccessProcess.FORMER_REFERENT, userId).build());
  }

  /** Ends the former référent's reading of the parcours (their own structure's grants are untouched). */
  public void endFormerReferentAccess(String parcoursId, String userId) {
    historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(parcoursId).list()
        .forEach(instance -> revoke(Resources.HISTORIC_PROCESS_INSTANCE, instance.getId(), null, userId));
  }

  /** The structure in charge of the running parcours that carries this id. */
  private Optional<String> organisationInChargeOf(String parcoursId) {
    if (parcoursId == null) {
      return Optional.empty();
    }
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(ParcoursProcess.KEY)
        .processInstanceBusinessKey(parcoursId).list().stream().findFirst()
        .map(root -> (String) runtimeService.getVariable(root.getId(), ORGANISATION_IN_CHARGE.getName()));
  }

  /** The parcours' root instance. */
  private static DelegateExecution root(DelegateExecution execution) {
    List<DelegateExecution> chain = chain(execution);
    return chain.get(chain.size() - 1);
  }

  /** The instances from the execution's up to the root, which may not be stored yet. */
  private static List<DelegateExecution> chain(DelegateExecution execution) {
    List<DelegateExecution> chain = new ArrayList<>();
    for (DelegateExecution instance = execution.getProcessInstance(); instance != null;
        instance = instance.getSuperExecution() == null ? null : instance.getSuperExecution().getProcessInstance()) {
      chain.add(instance);
    }
    return chain;
  }

  private static boolean isParcours(DelegateExecution execution) {
    return execution.getProcessDefinitionId().startsWith(ParcoursProcess.KEY + ":");
  }

  /**
   * Every stored instance of the parcours, running or ended: those carrying its id, its parts (every
   * call passes it on, {@code ModelContract}) and those started beside it (its escalations).
   */
  private List<HistoricProcessInstance> instancesOf(String parcoursId) {
    return historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(parcoursId).list();
  }

  /** The ids of the stored instances and of the chain's, which a query does not find before they are stored. */
  private static Set<String> withChain(List<DelegateExecution> chain, Stream<HistoricProcessInstance> stored) {
    Set<String> ids = new LinkedHashSet<>();
    chain.forEach(instance -> ids.add(instance.getProcessInstanceId()));
    stored.forEach(instance -> ids.add(instance.getId()));
    return ids;
  }

  /** The tasks of the parcours' own models, whose history belongs to the structure in charge. */
  private List<String> tasksOfTheCase(String rootProcessInstanceId) {
    return historyService.createHistoricTaskInstanceQuery().rootProcessInstanceId(rootProcessInstanceId).list().stream()
        .filter(task -> !KEPT_BY_THEIR_WORKERS.contains(task.getProcessDefinitionKey()))
        .map(HistoricTaskInstance::getId)
        .toList();
  }

  private void grant(Resource resource, String resourceId, String groupId, String userId) {
    if (query(resource, resourceId, groupId, userId).count() == 0) {
      create(resource, resourceId, groupId, userId);
    }
  }

  /** Writes a grant known not to exist yet, without looking for it first. */
  private void create(Resource resource, String resourceId, String groupId, String userId) {
    Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    authorization.setGroupId(groupId);
    authorization.setUserId(userId);
    authorization.addPermission(resource == Resources.PROCESS_INSTANCE
        ? ProcessInstancePermissions.READ : HistoricProcessInstancePermissions.READ);
    authorizationService.saveAuthorization(authorization);
  }

  private void revoke(Resource resource, String resourceId, String groupId, String userId) {
    query(resource, resourceId, groupId, userId).list()
        .forEach(authorization -> authorizationService.deleteAuthorization(authorization.getId()));
  }

  private void revokeAll(Resource resource, String resourceId) {
    authorizationService.createAuthorizationQuery().resourceType(resource).resourceId(resourceId).list()
        .forEach(authorization -> authorizationService.deleteAuthorization(authorization.getId()));
  }

  private AuthorizationQuery query(Resource resource, String resourceId, String groupId, String userId) {
    AuthorizationQuery query = authorizationService.createAuthorizationQuery().resourceType(resource).resourceId(resourceId);
    return groupId != null ? query.groupIdIn(groupId) : query.userIdIn(userId);
  }
}
