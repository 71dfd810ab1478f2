package fr.sanscouture.sla;

import static org.assertj.core.api.Assertions.assertThat;

import fr.sanscouture.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The engine's health and the SLA gauges on Actuator. */
class MetricsIntegrationTest extends PostgresIntegrationTest {

  @Autowired TestRestTemplate http;
  @Autowired SlaFigures figures;

  @Test
  void theHealthOfTheEngineAndItsJobExecutorIsOpenAndUp() {
    ResponseEntity<String> health = http.getForEntity("/actuator/health", String.class);

    assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(health.getBody()).contains("\"status\":\"UP\"", "\"processEngine\":{\"status\":\"UP\"}",
        "\"jobExecutor\":{\"status\":\"UP\"}");
  }

  @Test
  void thePrometheusEndpointExposesTheSlaGaugesPerBassinToMonitoringAccountsOnly() {
    account("metrics-pilote", "role-pilote");
    account("metrics-partenaire", "role-partenaire", "structure-ccas-avignon");
    account("metrics-supervision", "role-supervision");
    administrator("metrics-admin");

    assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    for (String other : new String[] {"metrics-pilote", "metrics-partenaire", "metrics-admin"}) {
      assertThat(http.withBasicAuth(other, PASSWORD).getForEntity("/actuator/prometheus", String.class).getStatusCode())
          .as(other).isEqualTo(HttpStatus.FORBIDDEN);
    }
    ResponseEntity<String> scrape = http.withBasicAuth("metrics-supervision", PASSWORD).getForEntity("/actuator/prometheus", String.class);

    assertThat(scrape.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(scrape.getBody()).contains(
        "sans_couture_tasks_overdue{bassin=\"grand-avignon\"}",
        "sans_couture_escalations_open{bassin=\"haut-vaucluse\"}",
        "sans_couture_receptions_within_month_ratio{bassin=\"nord-vaucluse\"}",
        "sans_couture_orientations_within_six_weeks_ratio{bassin=\"sud-vaucluse\"}",
        "sans_couture_contracts_within_month_ratio{bassin=\"grand-avignon\"}",
        "sans_couture_reception_median_days{bassin=\"grand-avignon\"}");
    // the figures are the whole territory's, whoever scrapes them: the same as the application computes them
    SlaRow grandAvignon = figures.recentBassinRows().stream().filter(row -> row.code().equals("grand-avignon")).findFirst().orElseThrow();
    assertThat(scrape.getBody()).contains("sans_couture_tasks_overdue{bassin=\"grand-avignon\"} " + (double) grandAvignon.overdueTasks());
  }
}
