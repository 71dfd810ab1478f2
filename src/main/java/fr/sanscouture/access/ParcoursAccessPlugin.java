package fr.sanscouture.access;

import fr.sanscouture.identity.SystemCalls;
import fr.sanscouture.model.ParseListeners;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * The access rules of every model, whatever a coordinator draws: each process instance that starts as
 * part of a parcours is shared with the structure in charge ({@link ParcoursAccess}), and each user task
 * follows {@link TaskAccessListener}. Also turns on the engine's permissions on history instances and on
 * variables, so that reading a parcours' history is granted per instance and reading its variables
 * needs a permission of its own (which pilotes, for instance, do not have).
 */
@Component
public class ParcoursAccessPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setEnableHistoricInstancePermissions(true);
    configuration.setEnforceSpecificVariablePermission(true);
    ParseListeners.addAfterEngine(configuration, new AccessParseListener());
  }

  private static final class AccessParseListener extends AbstractBpmnParseListener {

    // listeners added here are not the model's delegation code, which the engine runs without the
    // authorizations of the user who completed the task: they drop them themselves
    private final ExecutionListener shareNewInstance = execution -> SystemCalls.asSystem(
        execution.getProcessEngineServices().getIdentityService(),
        () -> ParcoursAccess.of(execution.getProcessEngineServices()).shareNewInstance(execution));
    private final TaskListener taskRules = new TaskAccessListener();
    private final TaskListener taskAccess = task -> SystemCalls.asSystem(
        task.getProcessEngineServices().getIdentityService(), () -> taskRules.notify(task));

    @Override
    public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
      processDefinition.addListener(ExecutionListener.EVENTNAME_START, shareNewInstance);
    }

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
      TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
      task.addTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, taskAccess);
    }
  }
}
