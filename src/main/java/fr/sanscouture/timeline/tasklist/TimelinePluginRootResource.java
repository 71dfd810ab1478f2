package fr.sanscouture.timeline.tasklist;

import fr.sanscouture.timeline.ParcoursTimeline;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginRootResource;
import org.springframework.stereotype.Component;

/** Root of the plugin's API: {@code /camunda/api/tasklist/plugin/parcours-timeline/{engine}/task/{taskId}}. */
@Path("plugin/" + TimelineTasklistPlugin.ID)
public class TimelinePluginRootResource extends AbstractTasklistPluginRootResource {

  /** Tasklist creates its JAX-RS resources itself, outside Spring: the timeline reaches them through here. */
  private static ParcoursTimeline timeline;

  public TimelinePluginRootResource() {
    super(TimelineTasklistPlugin.ID);
  }

  @Path("{engineName}/task/{taskId}")
  public TimelineResource timeline(@PathParam("engineName") String engineName, @PathParam("taskId") String taskId) {
    return subResource(new TimelineResource(engineName, timeline, taskId), engineName);
  }

  /** Hands the application's timeline to the resources Tasklist creates. */
  @Component
  static class TimelineBridge {
    TimelineBridge(ParcoursTimeline parcoursTimeline) {
      timeline = parcoursTimeline;
    }
  }
}
