package fr.sanscouture.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * The job executor looks for due jobs by due date, through an index ({@link EngineIndexes#JOB_DUE_DATE}):
 * a running parcours keeps about five timers waiting weeks ahead (reminders, deadlines, milestones), and
 * without it every acquisition read them all to find the few that are due. Every job gets a due date
 * (an async continuation's is its creation), so that the index serves the whole condition.
 */
@Component
class JobAcquisitionPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setJobExecutorAcquireByDueDate(true);
    configuration.setEnsureJobDueDateNotNull(true);
  }
}
