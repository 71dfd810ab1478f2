package fr.sanscouture.api;

import static org.assertj.core.api.Assertions.assertThat;

import fr.sanscouture.PostgresIntegrationTest;
import fr.sanscouture.WebappSession;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Failed logins slow down the client that makes them, for that login only; nobody can lock an account,
 * whatever they send. Clients are told apart by the address a proxy on this machine forwards; the
 * attempts are spaced on the engine's clock.
 */
class LoginThrottleIntegrationTest extends PostgresIntegrationTest {

  private static final String OUTSIDER = "203.0.113.7";
  private static final String PARTNER_SYSTEM = "198.51.100.20";
  private static final String OFFICE = "192.0.2.30";

  @Autowired TestRestTemplate http;
  @LocalServerPort int port;
  private Instant now;

  @BeforeEach
  void clock() {
    now = Instant.now();
    ClockUtil.setCurrentTime(Date.from(now));
  }

  @AfterEach
  void realClock() {
    ClockUtil.reset();
  }

  @Test
  void anOutsiderWhoKnowsOnlyAPartnersLoginCannotStopItsEntries() {
    account("throttle-flux-caf", "role-flux-partenaire");

    // one wrong password every 5 seconds for 15 minutes: the engine used to lock the account for good
    // after 10
    List<HttpStatus> answers = new ArrayList<>();
    for (int attempt = 0; attempt < 180; attempt++) {
      answers.add(HttpStatus.valueOf(enter("throttle-flux-caf", "Mauvais-2026!", OUTSIDER).getStatusCode().value()));
      later(Duration.ofSeconds(5));
    }
    assertThat(answers).containsOnly(HttpStatus.UNAUTHORIZED, HttpStatus.TOO_MANY_REQUESTS);
    assertThat(answers.subList(0, LoginThrottle.FREE_FAILURES)).containsOnly(HttpStatus.UNAUTHORIZED);
    assertThat(answers.stream().filter(HttpStatus.UNAUTHORIZED::equals).count())
        .as("passwords the outsider got to try in 15 minutes").isLessThanOrEqualTo(10);

    ResponseEntity<String> entry = enter("throttle-flux-caf", PASSWORD, PARTNER_SYSTEM);
    assertThat(entry.getStatusCode()).as(entry.getBody()).isEqualTo(HttpStatus.CREATED);
    assertThat(identityService.checkPassword("throttle-flux-caf", PASSWORD)).isTrue();
  }

  @Test
  void aClientThatKeepsFailingWaitsLongerEachTimeAndThenGetsInWithTheRightPassword() {
    account("throttle-referent", "role-referent", "structure-dept-grand-avignon", "bassin-grand-avignon");
    for (int attempt = 0; attempt < LoginThrottle.FREE_FAILURES; attempt++) {
      assertThat(tasks("throttle-referent", "Mauvais-2026!", OFFICE).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
      later(Duration.ofSeconds(1));
    }

    ResponseEntity<String> waiting = tasks("throttle-referent", PASSWORD, OFFICE);
    assertThat(waiting.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(Long.parseLong(waiting.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(55L, 60L);
    assertThat(waiting.getBody()).contains("Trop de tentatives de connexion infructueuses", "réessayez dans une minute");
    assertThat(tasks("throttle-referent", PASSWORD, PARTNER_SYSTEM).getStatusCode())
        .as("the same login from another client").isEqualTo(HttpStatus.OK);

    later(Duration.ofSeconds(61));
    assertThat(tasks("throttle-referent", "Mauvais-2026!", OFFICE).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    ResponseEntity<String> longer = tasks("throttle-referent", PASSWORD, OFFICE);
    assertThat(longer.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(Long.parseLong(longer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(115L, 120L);

    later(Duration.ofSeconds(121));
    assertThat(tasks("throttle-referent", PASSWORD, OFFICE).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(tasks("throttle-referent", "Mauvais-2026!", OFFICE).getStatusCode())
        .as("a success starts again from nothing").isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void failedLoginsToTasklistFromAnotherClientDoNotKeepAReferentOut() throws Exception {
    account("throttle-tasklist", "role-referent", "structure-dept-grand-avignon", "bassin-grand-avignon");
    List<Integer> answers = new ArrayList<>();
    for (int attempt = 0; attempt < 30; attempt++) {
      answers.add(new WebappSession(baseUrl(), OUTSIDER).login("tasklist", "throttle-tasklist", "Mauvais-2026!"));
      later(Duration.ofSeconds(2));
    }
    assertThat(answers.subList(0, LoginThrottle.FREE_FAILURES)).containsOnly(401);
    assertThat(answers.subList(LoginThrottle.FREE_FAILURES, answers.size())).containsOnly(429);

    WebappSession referent = new WebappSession(baseUrl(), OFFICE);
    assertThat(referent.login("tasklist", "throttle-tasklist", PASSWORD)).isEqualTo(200);
    assertThat(referent.get("/camunda/api/engine/engine/default/task/count").statusCode()).isEqualTo(200);
  }

  private ResponseEntity<String> enter(String user, String password, String client) {
    Map<String, Object> body = new HashMap<>(Map.of("entryChannel", "CAF", "person", Map.of(
        "firstName", "Lina", "lastName", "Verrou", "birthDate", "1990-02-03",
        "email", "lina.verrou@exemple.example", "postcode", "84000", "cafNumber", "5100001")));
    return http.withBasicAuth(user, password).postForEntity("/api/parcours", new HttpEntity<>(body, from(client)), String.class);
  }

  private ResponseEntity<String> tasks(String user, String password, String client) {
    return http.withBasicAuth(user, password).exchange("/engine-rest/task/count", HttpMethod.GET,
        new HttpEntity<>(from(client)), String.class);
  }

  private static HttpHeaders from(String client) {
    HttpHeaders headers = new HttpHeaders();
    headers.set("X-Forwarded-For", client);
    return headers;
  }

  private void later(Duration wait) {
    now = now.plus(wait);
    ClockUtil.setCurrentTime(Date.from(now));
  }

  private String baseUrl() {
    return "http://localhost:" + port;
  }
}
