package fr.sanscouture.sla;

import fr.sanscouture.territory.Territory;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.ToDoubleFunction;
import org.springframework.stereotype.Component;

/**
 * The SLA figures of each bassin as Prometheus gauges, over the parcours entered in the last 90 days.
 * The report is computed at most once a minute, whatever the number of gauges read.
 */
@Component
class SlaMetrics {

  static final Duration REFRESH = Duration.ofMinutes(1);
  static final int PERIOD_DAYS = 90;

  private final SlaFigures figures;
  private final Territory territory;
  private SlaReport report;
  private Instant computedAt = Instant.MIN;

  SlaMetrics(SlaFigures figures, Territory territory, MeterRegistry registry) {
    this.figures = figures;
    this.territory = territory;
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
      LocalDate today = territory.today();
      report = figures.report(today.minusDays(PERIOD_DAYS), today);
      computedAt = Instant.now();
    }
    return report.rows().stream()
        .filter(row -> row.scope() == SlaRow.Scope.BASSIN && row.code().equals(area))
        .findFirst().orElseThrow();
  }

  private static double ratio(SlaRow.Share share) {
    return orNaN(share.ratio());
  }

  private static double orNaN(Double value) {
    return value == null ? Double.NaN : value;
  }
}
