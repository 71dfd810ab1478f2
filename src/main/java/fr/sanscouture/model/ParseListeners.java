package fr.sanscouture.model;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.task.listener.DelegateExpressionTaskListener;

/**
 * What the application's engine plugins add to every model a coordinator draws: their parse listeners,
 * run after the engine's own, and the check that a model version deployed before a plugin does not
 * declare the plugin's listener itself.
 */
public final class ParseListeners {

  private ParseListeners() {}

  /** Adds a parse listener run after the engine's own parsing, beside the other plugins'. */
  public static void addAfterEngine(ProcessEngineConfigurationImpl configuration, BpmnParseListener listener) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(listener);
  }

  /** Whether the task declares this listener itself ({@code ${bean}} on the event), as older model versions do. */
  public static boolean declares(TaskDefinition task, String event, String delegateExpression) {
    return task.getTaskListeners().getOrDefault(event, List.of()).stream()
        .anyMatch(listener -> listener instanceof DelegateExpressionTaskListener delegate
            && delegateExpression.equals(delegate.getExpressionText()));
  }

  /** Whether the task declares this listener on completion. */
  public static boolean declaresOnComplete(TaskDefinition task, String delegateExpression) {
    return declares(task, TaskListener.EVENTNAME_COMPLETE, delegateExpression);
  }
}
