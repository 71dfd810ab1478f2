package fr.sanscouture.privacy;

import fr.sanscouture.identity.SystemCalls;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * For administrators: who read or changed a parcours, and its erasure when the law requires it.
 */
@RestController
@RequestMapping("/api/parcours/{parcoursId}")
class PrivacyController {

  private final IdentityService identityService;
  private final ParcoursHistory history;
  private final AuditLog auditLog;
  private final ParcoursErasure erasure;

  PrivacyController(IdentityService identityService, ParcoursHistory history, AuditLog auditLog, ParcoursErasure erasure) {
    this.identityService = identityService;
    this.history = history;
    this.auditLog = auditLog;
    this.erasure = erasure;
  }

  /** The reads and the partner systems' calls (application), and the changes made in the webapps (engine). */
  @GetMapping("/audit")
  Audit audit(@PathVariable String parcoursId) {
    requireAdministrator();
    return SystemCalls.asSystem(identityService, () -> {
      List<String> instances = history.instanceIds(parcoursId);
      if (instances.isEmpty()) {
        throw new UnknownParcoursException();
      }
      List<Change> changes = history.operationLog(instances).stream()
          .map(entry -> new Change(entry.getTimestamp().toInstant(), entry.getUserId(), entry.getOperationType(),
              entry.getEntityType(), entry.getProperty(), entry.getProcessDefinitionKey(), entry.getTaskId()))
          .sorted(Comparator.comparing(Change::at))
          .toList();
      return new Audit(parcoursId, auditLog.of(parcoursId), changes);
    });
  }

  @DeleteMapping
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void erase(@PathVariable String parcoursId) {
    requireAdministrator();
    String administrator = SystemCalls.caller(identityService);
    if (!SystemCalls.asSystem(identityService, () -> erasure.erase(parcoursId, administrator))) {
      throw new UnknownParcoursException();
    }
  }

  @ExceptionHandler(UnknownParcoursException.class)
  ProblemDetail unknownParcours() {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "Aucun parcours ne porte cet identifiant.");
    problem.setTitle("Parcours introuvable");
    return problem;
  }

  private void requireAdministrator() {
    if (!SystemCalls.callerIsAdministrator(identityService)) {
      throw new AuthorizationException("Only administrators may read the audit trail of a parcours or erase it");
    }
  }

  /** No process instance, running or in history, carries the parcours id. */
  static class UnknownParcoursException extends RuntimeException {}

  record Audit(String parcoursId, List<AuditLog.Entry> accesses, List<Change> changes) {}

  record Change(Instant at, String userId, String operation, String entityType, String property, String processDefinitionKey,
      String taskId) {}
}
