package fr.sanscouture.sla.cockpit;

import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * The Cockpit plugin of the SLA dashboard: its backend resource and, under
 * {@code plugin-webapp/sla-dashboard}, its page on the dashboard plugin point. Found by Cockpit through
 * {@code META-INF/services}.
 */
public class SlaCockpitPlugin extends AbstractCockpitPlugin {

  public static final String ID = "sla-dashboard";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(SlaPluginRootResource.class);
  }
}
