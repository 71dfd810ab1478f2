package fr.sanscouture.privacy;

import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.stereotype.Component;

/** What the engine's history holds of a parcours: the instances carrying its id, and their operation log. */
@Component
class ParcoursHistory {

  private final HistoryService historyService;

  ParcoursHistory(HistoryService historyService) {
    this.historyService = historyService;
  }

  /** Every process instance carrying the parcours id: the parcours, its parts, its escalations. */
  List<String> instanceIds(String parcoursId) {
    return historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(parcoursId).list().stream()
        .map(HistoricProcessInstance::getId).toList();
  }

  /** The changes users made to these instances. */
  List<UserOperationLogEntry> operationLog(List<String> instanceIds) {
    return instanceIds.stream()
        .flatMap(id -> historyService.createUserOperationLogQuery().processInstanceId(id).list().stream())
        .toList();
  }
}
