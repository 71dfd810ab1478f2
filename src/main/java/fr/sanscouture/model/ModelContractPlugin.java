package fr.sanscouture.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.springframework.stereotype.Component;

/**
 * Checks every new deployment against the {@link ModelContract} before the engine parses it, so that a
 * model the application cannot run is refused whole ({@link ModelContractException}), from the
 * application's start as from the Modeler. Deployments already in the database are not checked again
 * when the engine reloads them.
 */
@Component
public class ModelContractPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreDeployers() == null) {
      configuration.setCustomPreDeployers(new ArrayList<>());
    }
    configuration.getCustomPreDeployers().add(ModelContractPlugin::check);
  }

  private static void check(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return;
    }
    Map<String, byte[]> resources = new TreeMap<>();
    deployment.getResources().forEach((name, resource) -> resources.put(name, resource.getBytes()));
    List<ModelContract.Breach> breaches = ModelContract.check(resources);
    if (!breaches.isEmpty()) {
      throw new ModelContractException(breaches);
    }
  }
}
