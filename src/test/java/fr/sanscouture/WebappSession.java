package fr.sanscouture;

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
 * A browser-like session of the Camunda webapps: session cookie, CSRF token and the page's origin, as
 * Tasklist sends them.
 */
public final class WebappSession {

  private final String baseUrl;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();

  public WebappSession(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** Opens the app's page, then logs in to it; answers the login's HTTP status. */
  public int login(String app, String user, String password) throws IOException, InterruptedException {
    get("/camunda/app/" + app + "/default/");
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    return client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/camunda/api/admin/auth/user/default/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Origin", baseUrl)
        .header("X-XSRF-TOKEN", csrfToken())
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "application/json").GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A JSON request as the webapps send it, with the session's CSRF token. */
  public HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Accept", "application/json")
        .header("Content-Type", "application/json")
        .header("Origin", baseUrl)
        .header("X-XSRF-TOKEN", csrfToken())
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private String csrfToken() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue)
        .findFirst().orElseThrow();
  }
}
