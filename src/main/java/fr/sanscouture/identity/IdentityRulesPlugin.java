package fr.sanscouture.identity;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** The engine's identity rules of the project, in the application and in every process test's engine. */
@Component
public class IdentityRulesPlugin extends AbstractProcessEnginePlugin {

  /** Ids such as "structure-ft-avignon" or "marie.dupont"; the engine's default allows letters and digits only. */
  static final String RESOURCE_ID_PATTERN = "[a-zA-Z0-9][a-zA-Z0-9._-]*|camunda-admin";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setGeneralResourceWhitelistPattern(RESOURCE_ID_PATTERN);
    // members of a task's candidate group may claim and complete it, not rewrite it
    configuration.setDefaultUserPermissionNameForTask("TASK_WORK");
  }
}
