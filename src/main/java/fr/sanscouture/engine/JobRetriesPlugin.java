package fr.sanscouture.engine;

import org.camunda.bpm.engine.impl.bpmn.parser.FailedJobRetryConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.TimerTaskListenerJobHandler;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.util.ParseUtil;
import org.springframework.stereotype.Component;

/**
 * A task's timeout listener (a reminder's mail, an escalation) that fails is tried again on the retry
 * cycle as every other job: its model's {@code failedJobRetryTimeCycle} or the engine's default
 * ({@code application.yaml}), then it becomes an incident. The engine applies the cycle to async
 * continuations and timer events only; a timeout listener's job would be tried three times in a row
 * within a second, then left as an incident.
 */
@Component
public class JobRetriesPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setFailedJobCommandFactory((jobId, exception) -> new DefaultJobRetryCmd(jobId, exception) {
      @Override
      public ActivityImpl getCurrentActivity(CommandContext commandContext, JobEntity job) {
        ActivityImpl activity = super.getCurrentActivity(commandContext, job);
        if (activity == null && TimerTaskListenerJobHandler.TYPE.equals(job.getJobHandlerType()) && job.getExecutionId() != null) {
          // the task's own activity: its retry cycle, or the engine's default
          return fetchExecutionEntity(job.getExecutionId()).getActivity();
        }
        return activity;
      }

      @Override
      public FailedJobRetryConfiguration getFailedJobRetryConfiguration(JobEntity job, ActivityImpl activity) {
        FailedJobRetryConfiguration declared = super.getFailedJobRetryConfiguration(job, activity);
        String engineDefault = configuration.getFailedJobRetryTimeCycle();
        // the engine gives its default cycle, when parsing, to async continuations and timers only
        return declared != null || engineDefault == null ? declared : ParseUtil.parseRetryIntervals(engineDefault);
      }
    });
  }
}
