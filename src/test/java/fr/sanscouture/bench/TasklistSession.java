package fr.sanscouture.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A user logged in to Tasklist, sending what the browser sends: the session cookie, the CSRF token, the
 * page's origin (the webapps' CSRF filter refuses a change without it) and Tasklist's Accept header (HAL
 * first). Like {@code fr.sanscouture.WebappSession}, which sends neither of the last two.
 */
final class TasklistSession {

  /** What Tasklist's client accepts: HAL first, so lists embed the tasks' users, models and candidates. */
  static final String ACCEPT = "application/hal+json, application/json; q=0.5";

  private final String baseUrl;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();

  TasklistSession(String baseUrl, String user, String password) throws IOException, InterruptedException {
    this.baseUrl = baseUrl;
    client.send(request("/camunda/app/tasklist/default/").GET().build(), HttpResponse.BodyHandlers.discarding());
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpResponse<String> login = client.send(request("/camunda/api/admin/auth/user/default/login/tasklist")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    if (login.statusCode() >= 300) {
      throw new IllegalStateException(user + "'s Tasklist login answered " + login.statusCode());
    }
    // the login opens a new session; Tasklist then reads who is logged in, and gets the new session's CSRF token
    client.send(request("/camunda/api/admin/auth/user/default").GET().build(), HttpResponse.BodyHandlers.discarding());
  }

  /** A JSON POST as Tasklist sends it. */
  HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
    return client.send(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Accept", ACCEPT)
        .header("Origin", baseUrl);
    csrfToken().ifPresent(token -> request.header("X-XSRF-TOKEN", token));
    return request;
  }

  private java.util.Optional<String> csrfToken() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue)
        .findFirst();
  }
}
