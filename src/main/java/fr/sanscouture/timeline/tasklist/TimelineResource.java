package fr.sanscouture.timeline.tasklist;

import fr.sanscouture.timeline.ParcoursTimeline;
import fr.sanscouture.timeline.Timeline;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginResource;

/** The timeline of the parcours beside a task, for the logged-in user (the webapp's session). */
public class TimelineResource extends AbstractTasklistPluginResource {

  private final ParcoursTimeline timeline;
  private final String taskId;

  TimelineResource(String engineName, ParcoursTimeline timeline, String taskId) {
    super(engineName);
    this.timeline = timeline;
    this.taskId = taskId;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Timeline get() {
    return timeline.besideTask(taskId)
        .orElseThrow(() -> new NotFoundException("Tâche introuvable, ou que vous ne pouvez pas voir."));
  }
}
