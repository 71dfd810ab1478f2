package fr.sanscouture.timeline.tasklist;

import java.util.Set;
import org.camunda.bpm.tasklist.plugin.spi.impl.AbstractTasklistPlugin;

/**
 * The Tasklist plugin of the parcours timeline: its backend resource and, under
 * {@code plugin-webapp/parcours-timeline}, its tab beside a task (plugin point
 * {@code tasklist.task.detail}). Found by Tasklist through {@code META-INF/services}.
 */
public class TimelineTasklistPlugin extends AbstractTasklistPlugin {

  public static final String ID = "parcours-timeline";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(TimelinePluginRootResource.class);
  }
}
