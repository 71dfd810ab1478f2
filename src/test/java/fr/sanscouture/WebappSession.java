package fr.sanscouture;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A browser-like session of the Camunda webapps: session cookie, CSRF token and the page's origin, as
 * Tasklist sends them.
 */
public final class WebappSession {

  private final String baseUrl;
  private final String clientAddress;
  private final Cookies cookies = new Cookies();
  private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();

  public WebappSession(String baseUrl) {
    this(baseUrl, null);
  }

  /** A session from another client: a proxy on this machine forwards its address ({@code X-Forwarded-For}). */
  public WebappSession(String baseUrl, String clientAddress) {
    this.baseUrl = baseUrl;
    this.clientAddress = clientAddress;
  }

  /**
   * Opens the app's page, then logs in to it; answers the login's HTTP status. The login opens a new
   * session: like the webapps, the session then reads who is logged in, which hands it the new
   * session's CSRF token.
   */
  public int login(String app, String user, String password) throws IOException, InterruptedException {
    get("/camunda/app/" + app + "/default/");
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    int status = client.send(request("/camunda/api/admin/auth/user/default/login/" + app)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Origin", baseUrl)
        .header("X-XSRF-TOKEN", csrfToken())
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    get("/camunda/api/admin/auth/user/default");
    return status;
  }

  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return client.send(request(path).header("Accept", "application/json").GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A JSON request as the webapps send it, with the session's CSRF token. */
  public HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
    return send(method, path, json, "application/json");
  }

  /** The same, accepting what the caller says (Tasklist's lists accept HAL first). */
  public HttpResponse<String> send(String method, String path, String json, String accept)
      throws IOException, InterruptedException {
    return client.send(request(path)
        .header("Accept", accept)
        .header("Content-Type", "application/json")
        .header("Origin", baseUrl)
        .header("X-XSRF-TOKEN", csrfToken())
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path));
    return clientAddress == null ? request : request.header("X-Forwarded-For", clientAddress);
  }

  private String csrfToken() {
    return cookies.value("XSRF-TOKEN");
  }

  /**
   * The session's cookies, sent back whatever their Secure flag, as a browser does over HTTPS: the tests
   * speak plain HTTP to a server that production puts behind HTTPS (the {@code postgres} profile marks
   * the webapps' cookies Secure, which {@link java.net.CookieManager} would then keep to itself).
   */
  private static final class Cookies extends CookieHandler {

    private final Map<String, String> values = new ConcurrentHashMap<>();

    @Override
    public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
      return values.isEmpty() ? Map.of() : Map.of("Cookie", List.of(values.entrySet().stream()
          .map(cookie -> cookie.getKey() + "=" + cookie.getValue()).collect(Collectors.joining("; "))));
    }

    @Override
    public void put(URI uri, Map<String, List<String>> responseHeaders) {
      responseHeaders.getOrDefault("Set-Cookie", List.of()).stream().flatMap(header -> HttpCookie.parse(header).stream())
          .forEach(cookie -> {
            if (cookie.getMaxAge() == 0) {
              values.remove(cookie.getName());
            } else {
              values.put(cookie.getName(), cookie.getValue());
            }
          });
    }

    String value(String name) {
      String value = values.get(name);
      if (value == null) {
        throw new IllegalStateException("No " + name + " cookie in the session");
      }
      return value;
    }
  }
}
