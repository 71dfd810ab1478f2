package fr.sanscouture.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.sanscouture.PostgresIntegrationTest;
import fr.sanscouture.parcours.ParcoursProcess;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Thousands of generated hostile requests (jqwik's generators; a failure names the request) against
 * the running application: bodies of the partner API with any value in any field,
 * any content type, the personal links' pages with any id and token, the engine's REST API with any
 * query value. The property: no answer is a server error, and every parcours stored was answered 201.
 */
class HostileRequestsIntegrationTest extends PostgresIntegrationTest {

  private static final int PER_FAMILY = 400;
  private static final String PARTNER = "hostile-generated-flux";
  private static final String REFERENT = "hostile-generated-referent";

  @Autowired RuntimeService runtimeService;
  @Autowired JdbcTemplate jdbc;
  @LocalServerPort int port;
  private final HttpClient client = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void accounts() {
    account(PARTNER, "role-flux-partenaire");
    account(REFERENT, "role-referent", "structure-dept-grand-avignon", "bassin-grand-avignon");
  }

  @Test
  void noGeneratedRequestIsAServerErrorAndNothingIsHalfStored() throws Exception {
    long parcoursBefore = parcours();
    long keysBefore = jdbc.queryForObject("SELECT count(DISTINCT parcours_id) FROM active_parcours_key", Long.class);
    List<String> serverErrors = new ArrayList<>();
    int created = 0;
    int sent = 0;

    Iterator<String> bodies = partnerBodies().sampleStream().iterator();
    Iterator<String> contentTypes = Arbitraries.of("application/json", "application/json; charset=ISO-8859-1", "*/*",
        "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "",
        "application/json; charset=nonsense").sampleStream().iterator();
    for (int i = 0; i < PER_FAMILY; i++) {
      String body = bodies.next();
      String contentType = i % 4 == 0 ? contentTypes.next() : "application/json";
      HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/api/parcours")).header("Authorization", basic(PARTNER))
          .header("Content-Type", contentType.isEmpty() ? "application/octet-stream" : contentType)
          .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
      sent++;
      created += answer.statusCode() == 201 ? 1 : 0;
      record(serverErrors, "POST /api/parcours " + contentType + " " + body, answer);
    }

    Iterator<String> junk = junk().sampleStream().iterator();
    for (int i = 0; i < PER_FAMILY; i++) {
      String page = i % 2 == 0 ? "signature" : "bilan";
      String path = "/immersion/" + encode(junk.next()) + "/" + page + "/" + encode(junk.next());
      HttpResponse<String> answer = i % 3 == 0
          ? send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString("decision=" + encode(junk.next())
                  + "&signerName=" + encode(junk.next()) + "&" + encode(junk.next()) + "=1")))
          : send(HttpRequest.newBuilder(uri(path)).GET());
      sent++;
      record(serverErrors, "immersion " + path, answer);
    }

    Iterator<String> queries = engineQueries().sampleStream().iterator();
    for (int i = 0; i < PER_FAMILY; i++) {
      String path = queries.next().replace("{junk}", encode(junk.next()));
      HttpResponse<String> answer = send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(REFERENT)).GET());
      sent++;
      record(serverErrors, "GET " + path, answer);
    }

    Iterator<String> headers = junk().sampleStream().iterator();
    for (int i = 0; i < PER_FAMILY; i++) {
      String value = headers.next().replaceAll("[^\\x20-\\x7e]", "").strip();
      HttpRequest.Builder request = HttpRequest.newBuilder(uri(i % 2 == 0 ? "/api/parcours" : "/engine-rest/task"));
      switch (i % 4) {
        case 0 -> request.header("Authorization", "Basic " + value);
        case 1 -> request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
        case 2 -> request.header("Authorization", basic(PARTNER)).header("Accept", value.isBlank() ? "x/y" : value);
        default -> request.header("Authorization", basic(REFERENT)).header("Accept-Language", value.isBlank() ? "zz" : value);
      }
      HttpResponse<String> answer = send(i % 2 == 0
          ? request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"))
          : request.GET());
      sent++;
      record(serverErrors, "headers " + i + " " + value, answer);
    }

    assertThat(sent).isGreaterThanOrEqualTo(1600);
    assertThat(serverErrors).as("server errors among %d requests", sent).isEmpty();
    assertThat(parcours()).as("parcours stored").isEqualTo(parcoursBefore + created);
    assertThat(jdbc.queryForObject("SELECT count(DISTINCT parcours_id) FROM active_parcours_key", Long.class)).isEqualTo(keysBefore + created);
  }

  /** A valid body with some of its values replaced by anything JSON can carry, or left out, or no JSON at all. */
  private Arbitrary<String> partnerBodies() {
    Arbitrary<Object> anyValue = Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(80).map(Object.class::cast),
        Arbitraries.strings().withChars("\u0000\u001b\r\n\u202e\u200b\ud83d\ude00éÉ' -<>\"\\{}").ofMaxLength(20).map(Object.class::cast),
        Arbitraries.strings().alpha().ofMinLength(200).ofMaxLength(5000).map(Object.class::cast),
        Arbitraries.longs().map(Object.class::cast),
        Arbitraries.doubles().map(Object.class::cast),
        Arbitraries.of(true, false).map(Object.class::cast),
        Arbitraries.<Object>just(null),
        Arbitraries.of("-999999999-01-01", "1899-12-31", "2030-02-30", "1990-02-03T10:00", "31/12/1990", "a@b", "a@localhost",
            "CAF", "MSA", "FRANCE_TRAVAIL", "caf", "00000", "99999", "2A004").map(Object.class::cast),
        Arbitraries.just(List.of("x", 1)).map(Object.class::cast),
        Arbitraries.just(Map.of("nested", Map.of("deeper", "x"))).map(Object.class::cast));
    List<String> personFields = List.of("firstName", "lastName", "birthDate", "email", "postcode", "cafNumber", "msaNumber",
        "franceTravailId", "unknownField");
    Arbitrary<String> mutated = Arbitraries.integers().between(1, 4).flatMap(changes ->
        Arbitraries.of(personFields).list().ofSize(changes).flatMap(fields ->
            anyValue.list().ofSize(changes).flatMap(values -> Arbitraries.of(true, false).map(topLevel -> {
              Map<String, Object> person = new LinkedHashMap<>(Map.of("firstName", "Rose", "lastName", "Hostile",
                  "birthDate", "1990-02-03", "email", "rose.hostile@exemple.example", "postcode", "84000", "cafNumber", "6200001"));
              Map<String, Object> body = new LinkedHashMap<>();
              body.put("entryChannel", "CAF");
              body.put("person", person);
              for (int i = 0; i < changes; i++) {
                if (topLevel && i == 0) {
                  body.put("entryChannel", values.get(i));
                } else if (values.get(i) instanceof Boolean remove && remove) {
                  person.remove(fields.get(i));
                } else {
                  person.put(fields.get(i), values.get(i));
                }
              }
              return write(body);
            }))));
    Arbitrary<String> raw = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(200),
        Arbitraries.of("{", "[]", "null", "\"texte\"", "{\"entryChannel\":\"CAF\",\"entryChannel\":\"MSA\",\"person\":{}}",
            "{\"person\":" + "[".repeat(5000) + "}", "{\"entryChannel\":\"CAF\",\"person\":{\"birthDate\":\"1990-02-03\"}}"));
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, mutated), net.jqwik.api.Tuple.of(2, raw));
  }

  /** Any text: ids, tokens, field values. */
  private static Arbitrary<String> junk() {
    return Arbitraries.oneOf(Arbitraries.strings().ofMinLength(1).ofMaxLength(60),
        Arbitraries.of("..", "../../etc/passwd", "%00", "null", "undefined", "'; DROP TABLE act_ru_task; --", "${7*7}",
            "<script>alert(1)</script>", "00000000-0000-0000-0000-000000000000", "a".repeat(3000), "\u202e", " "));
  }

  /** The engine's REST API, with a generated value where a query takes one. */
  private static Arbitrary<String> engineQueries() {
    return Arbitraries.of(
        "/engine-rest/task/{junk}", "/engine-rest/task/{junk}/variables", "/engine-rest/task/{junk}/form-variables",
        "/engine-rest/task/{junk}/deployed-form", "/engine-rest/task/{junk}/identity-links",
        "/engine-rest/process-instance/{junk}", "/engine-rest/process-instance/{junk}/variables",
        "/engine-rest/task?firstResult={junk}&maxResults={junk}", "/engine-rest/task?sortBy={junk}&sortOrder=asc",
        "/engine-rest/task?processInstanceIdIn={junk}", "/engine-rest/task?dueBefore={junk}",
        "/engine-rest/process-instance?variables={junk}", "/engine-rest/process-instance?processInstanceIds={junk}",
        "/engine-rest/history/variable-instance?processInstanceId={junk}", "/engine-rest/history/task?taskId={junk}",
        "/engine-rest/task/count?candidateGroup={junk}", "/engine-rest/execution?variables={junk}",
        "/engine-rest/history/process-instance?startedAfter={junk}", "/engine-rest/job?dueDates={junk}");
  }

  private void record(List<String> serverErrors, String what, HttpResponse<String> answer) {
    if (answer.statusCode() >= 500) {
      serverErrors.add(answer.statusCode() + " for " + abbreviate(what) + ": " + abbreviate(answer.body()));
    }
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private String write(Object body) {
    try {
      return json.writeValueAsString(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private long parcours() {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(ParcoursProcess.KEY).count();
  }

  private static String abbreviate(String text) {
    return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "…";
  }
}
