package fr.sanscouture.sla;

import fr.sanscouture.identity.SystemCalls;
import fr.sanscouture.territory.Territory;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * The SLA figures of each bassin as Prometheus gauges, over the parcours entered in the last
 * {@value SlaFigures#RECENT_DAYS} days. The bassins' rows (not the structures') are computed at most once a
 * minute, whatever the number of gauges read.
 */
@Component
class SlaMetrics {

  static final Duration REFRESH = Duration.ofMinutes(1);

  private final SlaFigures figures;
  private final IdentityService identityService;
  private Map<String, SlaRow> rows = Map.of();
  private Instant computedAt = Instant.MIN;

  SlaMetrics(SlaFigures figures, IdentityService identityService, Territory territory, MeterRegistry registry) {
    this.figures = figures;
    this.identityService = identityService;
    for (Territory.EmploymentArea area : territory.employmentAreas()) {
      gauge(registry, "sans_couture.tasks.overdue", "Tâches du parcours en retard", area.code(), row -> row.overdueTasks());
      gauge(registry, "sans_couture.escalations.open", "Escalades en cours", area.code(), row -> row.openEscalations());
      gauge(registry, "sans_couture.receptions.within.month.ratio", "Part des accueils en moins d'un mois", area.code(),
          row -> ratio(row.receptionsWithinAMonth()));
      gauge(registry, "sans_couture.orientations.within.six.weeks.ratio", "Part des orientations en moins de 6 semaines",
          area.code(), row -> ratio(row.orientationsWithinSixWeeks()));
      gauge(registry, "sans_couture.contracts.within.month.ratio", "Part des contrats signés en moins d'un mois",
          area.code(), row -> ratio(row.contractsWithinAMonth()));
      gauge(registry, "sans_couture.reception.median.days", "Délai médian de l'accueil (jours)", area.code(),
          row -> orNaN(row.medianReceptionDays()));
      gauge(registry, "sans_couture.orientation.median.days", "Délai médian de l'orientation (jours)", area.code(),
          row -> orNaN(row.medianOrientationDays()));
      gauge(registry, "sans_couture.contract.median.days", "Délai médian du contrat (jours)", area.code(),
          row -> orNaN(row.medianContractDays()));
    }
  }

  private void gauge(MeterRegistry registry, String name, String description, String area, ToDoubleFunction<SlaRow> value) {
    Gauge.builder(name, this, metrics -> value.applyAsDouble(metrics.rowOf(area)))
        .description(description)
        .tag("bassin", area)
        .register(registry);
  }

  private synchronized SlaRow rowOf(String area) {
    if (computedAt.plus(REFRESH).isBefore(Instant.now())) {
      // aggregates of every parcours, the same whoever scrapes them
      rows = SystemCalls.asSystem(identityService, figures::recentBassinRows).stream()
          .collect(Collectors.toMap(SlaRow::code, row -> row));
      computedAt = Instant.now();
    }
    return rows.get(area);
  }

  private static double ratio(SlaRow.Share share) {
    return orNaN(share.ratio());
  }

  private static double orNaN(Double value) {
    return value == null ? Double.NaN : value;
  }
}
