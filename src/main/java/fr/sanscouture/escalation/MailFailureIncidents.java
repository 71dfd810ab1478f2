package fr.sanscouture.escalation;

import static fr.sanscouture.orientation.OrientationProcess.LEAD_ORGANISATION;
import static fr.sanscouture.parcours.ParcoursProcess.EMPLOYMENT_AREA;
import static fr.sanscouture.parcours.ParcoursProcess.PARCOURS_ID;

import fr.sanscouture.mail.Mailer;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IncidentEntity;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Beside the engine's own handling of failed jobs: when a mail's job runs out of tries, its incident
 * starts {@code processes/mail-failure.bpmn} for the parcours, so that the structure's responsable (who
 * does not use Cockpit) sees it in Tasklist and sends it again; when the incident is resolved another
 * way (an animateur's retry in Cockpit) or goes with its job, that task closes.
 */
@Component
public class MailFailureIncidents extends AbstractProcessEnginePlugin implements IncidentHandler {

  /** Where the structure of a mail's instance is, in the order the parcours sets them. */
  private static final List<String> STRUCTURE_VARIABLES = List.of("organisationInCharge", LEAD_ORGANISATION.getName(),
      "receptionOrganisation");

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // the engine's handler still makes the incident; this one is called beside it
    configuration.setCompositeIncidentHandlersEnabled(true);
    List<IncidentHandler> handlers = new ArrayList<>();
    if (configuration.getCustomIncidentHandlers() != null) {
      handlers.addAll(configuration.getCustomIncidentHandlers());
    }
    handlers.add(this);
    configuration.setCustomIncidentHandlers(handlers);
  }

  @Override
  public String getIncidentHandlerType() {
    return Incident.FAILED_JOB_HANDLER_TYPE;
  }

  @Override
  public Incident handleIncident(IncidentContext context, String message) {
    if (!Mailer.isNotSent(message) || context.getExecutionId() == null) {
      return null;
    }
    CommandContext commandContext = Context.getCommandContext();
    ExecutionEntity execution = commandContext.getExecutionManager().findExecutionById(context.getExecutionId());
    // nothing here may fail the engine's own handling of the failure: the model's first step (who
    // sends it again) runs in a job of its own
    if (execution == null || commandContext.getProcessDefinitionManager().findLatestProcessDefinitionByKey(MailFailureProcess.KEY) == null) {
      return null;
    }
    String organisation = STRUCTURE_VARIABLES.stream().map(execution::getVariable).filter(String.class::isInstance)
        .map(String.class::cast).findFirst().orElse(null);
    commandContext.runWithoutAuthorization(() -> Context.getProcessEngineConfiguration().getRuntimeService()
        .createProcessInstanceByKey(MailFailureProcess.KEY)
        .businessKey(execution.getProcessBusinessKey())
        .setVariables(Variables.createVariables()
            .putValue(PARCOURS_ID.getName(), execution.getVariable(PARCOURS_ID.getName()))
            .putValue(EMPLOYMENT_AREA.getName(), execution.getVariable(EMPLOYMENT_AREA.getName()))
            .putValue(MailFailureProcess.ORGANISATION.getName(), organisation)
            .putValue(MailFailureProcess.FAILED_JOB_ID.getName(), context.getConfiguration())
            .putValue(MailFailureProcess.FAILURE.getName(), message))
        .execute());
    return null;
  }

  @Override
  public void resolveIncident(IncidentContext context) {
    closeTask(context);
  }

  @Override
  public void deleteIncident(IncidentContext context) {
    closeTask(context);
  }

  /**
   * Ends the task of a mail's job whose incident goes. The engine calls this for every job it deletes
   * (a completed task's timers among them), after its own handler has read the job's incidents: those
   * are in the command's cache, where a mail's incident is looked for, so that the other jobs cost no
   * statement.
   */
  private static void closeTask(IncidentContext context) {
    String jobId = context.getConfiguration();
    CommandContext commandContext = Context.getCommandContext();
    if (jobId == null || commandContext.getDbEntityManager().getCachedEntitiesByType(IncidentEntity.class).stream()
        .noneMatch(incident -> jobId.equals(incident.getConfiguration()) && Mailer.isNotSent(incident.getIncidentMessage()))) {
      return;
    }
    commandContext.runWithoutAuthorization(() -> Context.getProcessEngineConfiguration().getRuntimeService()
        .createMessageCorrelation(MailFailureProcess.MESSAGE_RETRIED)
        .processInstanceVariableEquals(MailFailureProcess.FAILED_JOB_ID.getName(), jobId)
        .correlateAllWithResult());
  }
}
