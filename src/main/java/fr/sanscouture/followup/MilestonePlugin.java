package fr.sanscouture.followup;

import fr.sanscouture.model.ParseListeners;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.task.listener.DelegateExpressionTaskListener;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Whatever a coordinator draws: a user task that shows the form {@value FollowUpProcess#MILESTONE_FORM}
 * is a milestone, which opens without the previous milestone's answers ({@link MilestoneOpenedListener})
 * and whose completion {@link MilestoneHeldListener} checks and records. The element
 * template « Point d'étape » draws such a task (element templates cannot declare task listeners); the
 * models do not declare these listeners either, so that no milestone can go without them.
 */
@Component
public class MilestonePlugin extends AbstractProcessEnginePlugin {

  private static final String LISTENER = "${milestoneHeldListener}";
  private static final String OPENED = "${milestoneOpenedListener}";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.addAfterEngine(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (!FollowUpProcess.MILESTONE_FORM.equals(userTaskElement.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef"))) {
          return;
        }
        TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        // versions deployed before the plugin declare the listener themselves
        if (!ParseListeners.declaresOnComplete(task, LISTENER)) {
          task.addTaskListener(TaskListener.EVENTNAME_COMPLETE, listener(LISTENER));
        }
        task.addTaskListener(TaskListener.EVENTNAME_CREATE, listener(OPENED));
      }
    });
  }

  private static DelegateExpressionTaskListener listener(String delegateExpression) {
    return new DelegateExpressionTaskListener(
        Context.getProcessEngineConfiguration().getExpressionManager().createExpression(delegateExpression), List.of());
  }
}
