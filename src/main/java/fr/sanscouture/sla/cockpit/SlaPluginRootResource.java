package fr.sanscouture.sla.cockpit;

import fr.sanscouture.sla.SlaFigures;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;
import org.springframework.stereotype.Component;

/** Root of the plugin's API: {@code /camunda/api/cockpit/plugin/sla-dashboard/{engine}/figures}. */
@Path("plugin/" + SlaCockpitPlugin.ID)
public class SlaPluginRootResource extends AbstractCockpitPluginRootResource {

  /** Cockpit creates its JAX-RS resources itself, outside Spring: the figures reach them through here. */
  private static SlaFigures figures;

  public SlaPluginRootResource() {
    super(SlaCockpitPlugin.ID);
  }

  @Path("{engineName}/figures")
  public SlaResource figures(@PathParam("engineName") String engineName) {
    return subResource(new SlaResource(engineName, figures), engineName);
  }

  /** Hands the application's SLA figures to the resources Cockpit creates. */
  @Component
  static class FiguresBridge {
    FiguresBridge(SlaFigures slaFigures) {
      figures = slaFigures;
    }
  }
}
