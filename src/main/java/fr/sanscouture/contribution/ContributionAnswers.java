package fr.sanscouture.contribution;

import static fr.sanscouture.contribution.ContributionsProcess.ANSWERED_BY;
import static fr.sanscouture.contribution.ContributionsProcess.CONTRIBUTION;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricVariableInstance;

/**
 * The answers given in one instance of {@code contributions}: each is kept with its answered task (a
 * task's local variables), which the engine's history holds once the task is done.
 */
final class ContributionAnswers {

  private final List<HistoricVariableInstance> answered;
  private final List<HistoricVariableInstance> contributions;

  private ContributionAnswers(DelegateExecution execution) {
    var history = execution.getProcessEngineServices().getHistoryService();
    answered = history.createHistoricVariableInstanceQuery().processInstanceId(execution.getProcessInstanceId())
        .variableName(ANSWERED_BY.getName()).list();
    contributions = history.createHistoricVariableInstanceQuery().processInstanceId(execution.getProcessInstanceId())
        .variableName(CONTRIBUTION.getName()).list();
  }

  static ContributionAnswers of(DelegateExecution execution) {
    return new ContributionAnswers(execution);
  }

  /** Group ids of the structures that answered. */
  Set<String> answeredBy() {
    return answered.stream().map(variable -> (String) variable.getValue()).collect(Collectors.toSet());
  }

  /** The answers, each under its structure's name, in the order they were given. */
  List<String> contributions() {
    return contributions.stream()
        .sorted(Comparator.comparing(HistoricVariableInstance::getCreateTime).thenComparing(HistoricVariableInstance::getId))
        .map(variable -> (String) variable.getValue())
        .toList();
  }
}
