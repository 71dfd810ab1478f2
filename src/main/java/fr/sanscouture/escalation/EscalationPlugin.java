package fr.sanscouture.escalation;

import fr.sanscouture.model.ParseListeners;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Whatever a coordinator draws: a user task that escalates when late (it has a timeout listener
 * {@value #ESCALATE}) closes its escalation once it is done or gone ({@link CloseEscalationListener}).
 * The models declare only the escalation; no task can forget to end it.
 */
@Component
public class EscalationPlugin extends AbstractProcessEnginePlugin {

  /** The id of the timeout listener that starts an escalation, in the models. */
  public static final String ESCALATE = "TimeoutListener_Escalate";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.addAfterEngine(configuration, new AbstractBpmnParseListener() {
      private final TaskListener close = new CloseEscalationListener();

      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        // versions deployed before the plugin declare the listener themselves
        if (task.getTimeoutTaskListener(ESCALATE) != null && !ParseListeners.declaresOnComplete(task, CloseEscalationListener.DECLARED)) {
          task.addTaskListener(TaskListener.EVENTNAME_COMPLETE, close);
          task.addTaskListener(TaskListener.EVENTNAME_DELETE, close);
        }
      }
    });
  }
}
