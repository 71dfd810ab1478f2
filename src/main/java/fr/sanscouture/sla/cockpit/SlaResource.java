package fr.sanscouture.sla.cockpit;

import fr.sanscouture.identity.SystemCalls;
import fr.sanscouture.sla.SlaFigures;
import fr.sanscouture.sla.SlaReport;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * The SLA figures for the dashboard, over the parcours entered between two days (the last 90 days by
 * default), for the people who may open Cockpit: pilotes, animateurs, the Département's direction,
 * administrators (the grants of {@code IdentitySetup}).
 */
public class SlaResource extends AbstractCockpitPluginResource {

  private final SlaFigures figures;

  SlaResource(String engineName, SlaFigures figures) {
    super(engineName);
    this.figures = figures;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> get(@QueryParam("from") String from, @QueryParam("to") String to) {
    // the webapp lets any logged-in user call a plugin: the dashboard is for those who may open Cockpit
    Authentication user = getCurrentAuthentication();
    if (user == null || !getProcessEngine().getAuthorizationService().isUserAuthorized(user.getUserId(), user.getGroupIds(),
        Permissions.ACCESS, Resources.APPLICATION, "cockpit")) {
      throw new ForbiddenException("Le tableau de bord des délais est réservé au pilotage.");
    }
    LocalDate end = to == null || to.isBlank() ? figures.today() : day(to);
    LocalDate start = from == null || from.isBlank() ? end.minusDays(SlaFigures.RECENT_DAYS) : day(from);
    // aggregates of every parcours, whose details the steering people may not read one by one
    SlaReport report = SystemCalls.asSystem(getProcessEngine().getIdentityService(), () -> figures.report(start, end));
    return Map.of("from", report.from().toString(), "to", report.to().toString(), "rows", report.rows());
  }

  private static LocalDate day(String value) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new BadRequestException("Dates attendues au format AAAA-MM-JJ : " + value);
    }
  }
}
