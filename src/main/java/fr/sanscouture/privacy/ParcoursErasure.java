package fr.sanscouture.privacy;

import fr.sanscouture.immersion.ImmersionAgreements;
import fr.sanscouture.parcours.ParcoursService;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases a person's parcours when the law requires it: every process instance carrying the parcours id
 * (the parcours, its parts, its escalations), running and in history, the grants on them, and what the
 * application keeps of it. The erasure itself is logged (parcours id, by whom), not stored.
 */
@Service
class ParcoursErasure {

  private static final Logger LOG = LoggerFactory.getLogger(ParcoursErasure.class);

  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final ParcoursHistory history;
  private final AuthorizationService authorizationService;
  private final ParcoursService parcoursService;
  private final AuditLog auditLog;
  private final ImmersionAgreements immersionAgreements;

  ParcoursErasure(RuntimeService runtimeService, HistoryService historyService, ParcoursHistory history,
      AuthorizationService authorizationService, ParcoursService parcoursService, AuditLog auditLog,
      ImmersionAgreements immersionAgreements) {
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.history = history;
    this.authorizationService = authorizationService;
    this.parcoursService = parcoursService;
    this.auditLog = auditLog;
    this.immersionAgreements = immersionAgreements;
  }

  /** Whether there was anything of the parcours to erase. Runs without the caller's authorizations. */
  @Transactional
  boolean erase(String parcoursId, String requestedBy) {
    List<String> instances = history.instanceIds(parcoursId);
    if (instances.isEmpty()) {
      return false;
    }
    List<String> resources = new ArrayList<>(instances);
    historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(parcoursId).list().stream()
        .map(HistoricTaskInstance::getId).forEach(resources::add);
    List<String> running = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(parcoursId)
        .rootProcessInstances().list().stream().map(ProcessInstance::getId).toList();
    if (!running.isEmpty()) {
      runtimeService.deleteProcessInstances(running, "Effacement des données de la personne", true, true);
    }
    // neither the decisions nor the operation log go with the historic process instances
    for (String instance : instances) {
      historyService.createHistoricDecisionInstanceQuery().processInstanceId(instance).list()
          .forEach(decision -> historyService.deleteHistoricDecisionInstanceByInstanceId(decision.getId()));
    }
    history.operationLog(instances).forEach(entry -> historyService.deleteUserOperationLogEntry(entry.getId()));
    historyService.deleteHistoricProcessInstances(instances);
    for (String resource : resources) {
      authorizationService.createAuthorizationQuery().resourceId(resource).list().stream()
          .map(Authorization::getId).forEach(authorizationService::deleteAuthorization);
    }
    parcoursService.release(parcoursId);
    auditLog.erase(parcoursId);
    immersionAgreements.erase(parcoursId);
    LOG.info("Parcours {} erased at the request of {}", parcoursId, requestedBy);
    return true;
  }
}
