package fr.sanscouture.inbox;

import fr.sanscouture.model.ParseListeners;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Whatever a coordinator draws: every user task, once created, says by when it is to be done and when
 * to take it up ({@link TaskDeadlineListener}). The models write only what to do (the task's
 * documentation) and the due date.
 */
@Component
public class InboxPlugin extends AbstractProcessEnginePlugin {

  private final TaskListener deadline;

  public InboxPlugin(TaskDeadlineListener deadline) {
    this.deadline = deadline;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.addAfterEngine(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addTaskListener(TaskListener.EVENTNAME_CREATE, deadline);
      }
    });
  }
}
