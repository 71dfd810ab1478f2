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

  @Test
  void theHealthOfTheEngineAndItsJobExecutorIsOpenAndUp() {
    ResponseEntity<String> health = http.getForEntity("/actuator/health", String.class);

    assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(health.getBody()).contains("\"status\":\"UP\"", "\"processEngine\":{\"status\":\"UP\"}",
        "\"jobExecutor\":{\"status\":\"UP\"}");
  }

  @Test
  void thePrometheusEndpointExposesTheSlaGaugesPerBassinToAuthenticatedUsers() {
    account("metrics-pilote", "role-pilote");

    assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    ResponseEntity<String> scrape = http.withBasicAuth("metrics-pilote", PASSWORD).getForEntity("/actuator/prometheus", String.class);

    assertThat(scrape.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(scrape.getBody()).contains(
        "sans_couture_tasks_overdue{bassin=\"grand-avignon\"}",
        "sans_couture_escalations_open{bassin=\"haut-vaucluse\"}",
        "sans_couture_receptions_within_month_ratio{bassin=\"nord-vaucluse\"}",
        "sans_couture_orientations_within_six_weeks_ratio{bassin=\"sud-vaucluse\"}",
        "sans_couture_contracts_within_month_ratio{bassin=\"grand-avignon\"}",
        "sans_couture_reception_median_days{bassin=\"grand-avignon\"}");
  }
}
