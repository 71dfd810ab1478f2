package fr.sanscouture.parcours;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.sanscouture.PostgresIntegrationTest;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * What a partner system's faulty or hostile body gets from {@code POST /api/parcours}: a 4xx naming the
 * field, never a 5xx, and nothing stored.
 */
class ParcoursApiHostileInputIntegrationTest extends PostgresIntegrationTest {

  private static final String PARTNER = "hostile-flux-caf";

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtimeService;
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void partner() {
    account(PARTNER, "role-flux-partenaire");
  }

  /** A valid body but for one value, given as raw JSON. */
  private static String body(String firstName, String lastName, String birthDate, String email, String entryChannel) {
    return "{\"entryChannel\": " + entryChannel + ", \"person\": {\"firstName\": " + firstName + ", \"lastName\": " + lastName
        + ", \"birthDate\": " + birthDate + ", \"email\": " + email + ", \"postcode\": \"84000\", \"cafNumber\": \"6100001\"}}";
  }

  private static String valid(String field, String value) {
    return body(field.equals("firstName") ? value : "\"Rose\"", field.equals("lastName") ? value : "\"Lambert\"",
        field.equals("birthDate") ? value : "\"1990-02-03\"", field.equals("email") ? value : "\"rose.lambert@exemple.example\"",
        field.equals("entryChannel") ? value : "\"CAF\"");
  }

  static Stream<Arguments> faultyValues() {
    return Stream.of(
        Arguments.of("person.birthDate", valid("birthDate", "\"-999999999-01-01\"")),
        Arguments.of("person.birthDate", valid("birthDate", "\"1899-12-31\"")),
        Arguments.of("person.birthDate", valid("birthDate", "\"2020-01-01\"")),
        Arguments.of("person.firstName", valid("firstName", "\"Ro\\u0000se\"")),
        Arguments.of("person.firstName", valid("firstName", "\"Ro\\u001bse\"")),
        Arguments.of("person.lastName", valid("lastName", "\"Lam\\r\\nbert\"")),
        Arguments.of("person.lastName", valid("lastName", "\"\\u202ELambert\"")),
        Arguments.of("person.firstName", valid("firstName", "12345")),
        Arguments.of("entryChannel", valid("entryChannel", "1")),
        Arguments.of("person.email", valid("email", "\"a@b\"")),
        Arguments.of("person.email", valid("email", "\"rose@localhost\"")));
  }

  @ParameterizedTest
  @MethodSource("faultyValues")
  void aFaultyValueIsRefusedNamingItsFieldAndNothingIsStored(String field, String body) throws Exception {
    long parcours = runtimeService.createProcessInstanceQuery().processDefinitionKey(ParcoursProcess.KEY).count();

    ResponseEntity<String> answer = post(body, "application/json");

    assertThat(answer.getStatusCode().value()).as(body + " answered " + answer.getBody()).isEqualTo(400);
    JsonNode errors = json.readTree(answer.getBody()).path("errors");
    assertThat(errors.findValuesAsText("field")).as(answer.getBody()).contains(field);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ParcoursProcess.KEY).count()).isEqualTo(parcours);
  }

  @ParameterizedTest
  @ValueSource(strings = {"*/*", "text/plain", "application/x-www-form-urlencoded", "application/xml"})
  void aBodyThatIsNotJsonIsRefused(String contentType) {
    ResponseEntity<String> answer = post(valid("firstName", "\"Rose\""), contentType);

    assertThat(answer.getStatusCode().is4xxClientError()).as(contentType + " answered " + answer.getStatusCode()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"entryChannel\": \"CAF\", \"entryChannel\": \"MSA\", \"person\": {}}", "{", "[]", "null", "\"texte\""})
  void anUnreadableBodyIsRefused(String body) {
    ResponseEntity<String> answer = post(body, "application/json");

    assertThat(answer.getStatusCode().value()).as(body + " answered " + answer.getBody()).isEqualTo(400);
  }

  private ResponseEntity<String> post(String body, String contentType) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.CONTENT_TYPE, contentType);
    return http.withBasicAuth(PARTNER, PASSWORD).postForEntity("/api/parcours", new HttpEntity<>(body, headers), String.class);
  }
}
