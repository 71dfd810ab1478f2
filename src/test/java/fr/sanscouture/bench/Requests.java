package fr.sanscouture.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.sanscouture.WebappSession;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The requests the benchmark sends, as their senders do: the partner system over HTTP Basic, the
 * référent through a Tasklist session ({@link WebappSession}) with Tasklist's own bodies and Accept header.
 */
final class Requests {

  /**
   * The body Tasklist posts for its task list (its « tasks data » service): the search widget's empty
   * variable criteria, the page, the project's sort (priority, then due date, {@code urgent-first.js})
   * and active tasks only.
   */
  static final String INBOX_BODY = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
      + "\"firstResult\":0,\"maxResults\":15,"
      + "\"sorting\":[{\"sortBy\":\"priority\",\"sortOrder\":\"desc\"},{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}],"
      + "\"active\":true}";
  private static final String ENGINE = "/camunda/api/engine/engine/default";

  private final String baseUrl;
  private final HttpClient http = HttpClient.newHttpClient();
  private final String partner = "Basic " + Base64.getEncoder().encodeToString(
      (Fixtures.PARTNER + ":" + Fixtures.PASSWORD).getBytes(StandardCharsets.UTF_8));
  /** Each référent's Tasklist session. */
  private final Map<String, WebappSession> tasklist = new HashMap<>();
  private final ObjectMapper json = new ObjectMapper();
  private int persons;

  Requests(String baseUrl) throws IOException, InterruptedException {
    this.baseUrl = baseUrl;
    logIn();
  }

  /** The référents log in to Tasklist, in new sessions: after a long fill, the last ones have expired. */
  void logIn() throws IOException, InterruptedException {
    for (String referent : List.of(Fixtures.REFERENT, Fixtures.SMALL_REFERENT)) {
      WebappSession session = new WebappSession(baseUrl);
      int login = session.login("tasklist", referent, Fixtures.PASSWORD);
      if (login >= 300) {
        throw new IllegalStateException(referent + "'s Tasklist login answered " + login);
      }
      tasklist.put(referent, session);
    }
  }

  /** {@code POST /api/parcours} for a new person of Avignon (84000), entered by the CAF; answers the parcours id. */
  String intake() throws IOException, InterruptedException {
    return intake("84000");
  }

  String intake(String postcode) throws IOException, InterruptedException {
    int person = ++persons;
    String body = json.writeValueAsString(Map.of("entryChannel", "CAF", "person", Map.of(
        "firstName", "Camille", "lastName", "Essai " + person, "birthDate", "1988-03-14",
        "email", "essai." + person + "@exemple.example", "postcode", postcode,
        "cafNumber", String.valueOf(6_000_000 + person))));
    return field(partner("/api/parcours", body, 201), "parcoursId");
  }

  /** The start of the one-task model through the engine's REST API, by the same partner system; answers the instance id. */
  String startOneTask() throws IOException, InterruptedException {
    return field(partner("/engine-rest/process-definition/key/" + Fixtures.ONE_TASK + "/start", "{}", 200), "id");
  }

  /** Tasklist's submission of a task's Camunda Form, as the référent. */
  void submitForm(String taskId, Map<String, String> values) throws IOException, InterruptedException {
    StringBuilder variables = new StringBuilder();
    for (Map.Entry<String, String> value : values.entrySet()) {
      variables.append(variables.isEmpty() ? "" : ",").append(json.writeValueAsString(value.getKey()))
          .append(":{\"value\":").append(json.writeValueAsString(value.getValue())).append(",\"type\":\"String\"}");
    }
    expect(tasklist(Fixtures.REFERENT, ENGINE + "/task/" + taskId + "/submit-form", "{\"variables\":{" + variables + "}}"), 204);
  }

  /** The form values of « Planifier l'accueil »: an appointment a week ahead, as the date picker sends it. */
  static Map<String, String> appointment() {
    return Map.of("appointment", ZonedDateTime.now(ZoneId.of("Europe/Paris")).plusDays(7).truncatedTo(ChronoUnit.HOURS)
        .toOffsetDateTime().toString(), "appointmentPlace", "Accueil de la structure");
  }

  /** A référent's Tasklist inbox: the filter's first page, sorted as the project sorts it. */
  void inboxList(String referent, String filterId) throws IOException, InterruptedException {
    expect(tasklist(referent, ENGINE + "/filter/" + filterId + "/list?firstResult=0&maxResults=15", INBOX_BODY), 200);
  }

  /** The filter's count of the same query. */
  void inboxCount(String referent, String filterId) throws IOException, InterruptedException {
    expect(tasklist(referent, ENGINE + "/filter/" + filterId + "/count", INBOX_BODY), 200);
  }

  /** A POST as Tasklist sends it: HAL first, so lists embed the tasks' users, models and candidates. */
  private HttpResponse<String> tasklist(String referent, String path, String json) throws IOException, InterruptedException {
    return tasklist.get(referent).send("POST", path, json, "application/hal+json, application/json; q=0.5");
  }

  private String partner(String path, String body, int status) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Authorization", partner)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    return expect(response, status);
  }

  private static String expect(HttpResponse<String> response, int status) {
    if (response.statusCode() != status) {
      throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " answered "
          + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  private String field(String body, String name) throws IOException {
    JsonNode node = json.readTree(body);
    return node.get(name).asText();
  }
}
