package fr.sanscouture.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.BadUserRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.xml.sax.SAXParseException;

/**
 * In front of the engine's REST API and the webapps' (Tasklist, Cockpit, Admin): a request the engine
 * failed because of the caller — a form refused by the models' rules, an unknown id, a value out of
 * range, an unreadable model — answers 400 with the reason, in the engine's error format
 * ({@code {"type", "message"}}), where the engine's REST API answered 500. Tasklist shows the message as
 * it is: a refusal of the models' rules is a French sentence alone. The server's own faults stay 500.
 */
class EngineErrors extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(EngineErrors.class);
  /** A request about one task or instance, by its id, whichever API carries it. */
  private static final Pattern BY_ID = Pattern.compile(
      "^(?:/engine-rest|/camunda/api/engine/engine/[^/]+)/(task|process-instance|execution)/([^/]+)/.+$");

  private static final Set<String> PAGING = Set.of("firstResult", "maxResults");
  private static final String NUL_CHARACTER = "contient un caractère nul (\\u0000), qui ne peut être ni enregistré ni cherché.";
  /** An {@code Accept-Language} as HTTP defines it: language ranges, each with an optional weight. */
  private static final Pattern LANGUAGE_RANGES = Pattern.compile(
      "\\s*(\\*|[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*)\\s*(;\\s*q\\s*=\\s*[0-9.]{1,5}\\s*)?"
      + "(,\\s*(\\*|[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*)\\s*(;\\s*q\\s*=\\s*[0-9.]{1,5}\\s*)?)*");

  private static final ObjectMapper JSON = new ObjectMapper();
  private final ProcessEngine engine;

  EngineErrors(ProcessEngine engine) {
    this.engine = engine;
  }

  /** What the filter answers instead of a server error. */
  private record Answer(int status, String type, String message) {}

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<Answer> badParameter = badParameter(request);
    if (badParameter.isPresent()) {
      write(request, response, badParameter.get());
      return;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    Matcher byId = BY_ID.matcher(path);
    if ("GET".equals(request.getMethod()) && byId.matches() && !"report".equals(byId.group(2))
        && !exists(byId.group(1), byId.group(2))) {
      // reading what belongs to a missing one, the engine fails with an exception it logs as an error (a
      // NullPointerException for a task's deployed form): an unknown id is the caller's mistake, answered
      // here; a command on one goes on to the gates, whose refusals say why
      write(request, response, unknown(byId));
      return;
    }
    MistakeAwareResponse answer = new MistakeAwareResponse(response, () -> insteadOfServerError(path));
    EngineFailures.begin();
    try {
      chain.doFilter(withoutUnreadableLanguage(request), answer);
    } finally {
      EngineFailures.end();
    }
    if (answer.instead != null) {
      write(request, response, answer.instead);
    }
  }

  private void write(HttpServletRequest request, HttpServletResponse response, Answer answer) throws IOException {
    LOG.info("Refused {} {}: {}", request.getMethod(), request.getRequestURI(), answer.message());
    write(response, answer.status(), answer.type(), answer.message());
  }

  /** An answer in the engine's error format: {@code {"type", "message"}}. */
  static void write(HttpServletResponse response, int status, String type, String message) throws IOException {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    byte[] bytes = JSON.writeValueAsBytes(body);
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  /**
   * The request without an {@code Accept-Language} that HTTP cannot read, on which the engine's REST API
   * fails with a server error; the answers are in French whatever the caller asks.
   */
  private static HttpServletRequest withoutUnreadableLanguage(HttpServletRequest request) {
    String language = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
    if (language == null || (language.length() <= 200 && LANGUAGE_RANGES.matcher(language).matches())) {
      return request;
    }
    return new HttpServletRequestWrapper(request) {
      @Override
      public String getHeader(String name) {
        return HttpHeaders.ACCEPT_LANGUAGE.equalsIgnoreCase(name) ? null : super.getHeader(name);
      }

      @Override
      public Enumeration<String> getHeaders(String name) {
        return HttpHeaders.ACCEPT_LANGUAGE.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
      }

      @Override
      public Enumeration<String> getHeaderNames() {
        return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
            .filter(name -> !HttpHeaders.ACCEPT_LANGUAGE.equalsIgnoreCase(name)).toList());
      }
    };
  }

  /**
   * Query parameters the engine would fail on with a server error: a negative page ({@code firstResult},
   * {@code maxResults}), a list of ids with none in it ({@code processInstanceIds=,,}).
   */
  static Optional<Answer> badParameter(HttpServletRequest request) {
    for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
      String name = parameter.getKey();
      for (String value : parameter.getValue()) {
        if (value.indexOf('\u0000') >= 0) {
          return Optional.of(new Answer(HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException",
              "Le paramètre « " + name + " » " + NUL_CHARACTER));
        }
        if (PAGING.contains(name) && !value.isBlank() && !value.strip().matches("\\d{1,9}")) {
          return Optional.of(new Answer(HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException",
              "Le paramètre « " + name + " » doit être un entier positif ou nul."));
        }
        if ((name.endsWith("Ids") || name.endsWith("In")) && value.contains(",") && value.replace(",", "").isBlank()) {
          return Optional.of(new Answer(HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException",
              "La liste « " + name + " » ne contient aucune valeur."));
        }
      }
    }
    return Optional.empty();
  }

  @Override
  protected boolean shouldNotFilterAsyncDispatch() {
    return true;
  }

  /**
   * For a server error: a 400 when the engine's failure was the caller's mistake, a 404 when the task
   * or instance the request names does not exist (some of the engine's commands fail on a missing one
   * without saying so), or nothing: the server's fault stays a 500.
   */
  private Optional<Answer> insteadOfServerError(String path) {
    Optional<RuntimeException> mistake = EngineFailures.ofThisRequest().filter(EngineFailures::isCallersMistake);
    if (mistake.isPresent()) {
      String type = mistake.get() instanceof BadUserRequestException ? "BadUserRequestException" : "InvalidRequestException";
      return Optional.of(new Answer(HttpServletResponse.SC_BAD_REQUEST, type, messageOf(mistake.get())));
    }
    Matcher byId = BY_ID.matcher(path);
    if (byId.matches() && !exists(byId.group(1), byId.group(2))) {
      return Optional.of(unknown(byId));
    }
    return Optional.empty();
  }

  private static Answer unknown(Matcher byId) {
    return new Answer(HttpServletResponse.SC_NOT_FOUND, "InvalidRequestException",
        ("task".equals(byId.group(1)) ? "Aucune tâche n'a l'identifiant " : "Aucune instance n'a l'identifiant ") + byId.group(2) + ".");
  }

  /** Whether the caller can see the task or instance: one they may not read is, to them, as one that does not exist. */
  private boolean exists(String kind, String id) {
    if (id.indexOf('\u0000') >= 0) {
      return false;
    }
    return switch (kind) {
      case "task" -> engine.getTaskService().createTaskQuery().taskId(id).count() > 0;
      case "process-instance" -> engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).count() > 0;
      default -> engine.getRuntimeService().createExecutionQuery().executionId(id).count() > 0;
    };
  }

  /** The refusal's own sentence, the place of an XML error in a model, or the engine's message. */
  static String messageOf(RuntimeException mistake) {
    for (Throwable cause = mistake; cause != null; cause = cause.getCause()) {
      if (EngineFailures.isNulCharacter(cause)) {
        return "Une valeur " + NUL_CHARACTER;
      }
      if (cause instanceof SAXParseException parse) {
        return "Le modèle n'est pas un XML lisible (ligne " + parse.getLineNumber() + ", colonne " + parse.getColumnNumber()
            + ") : " + parse.getMessage();
      }
    }
    return mistake.getMessage();
  }

  /**
   * The response of the request: when the engine's REST API answers a server error for a failure that
   * is the caller's mistake, it answers 400 instead, and what the API writes is left out for the filter's body.
   */
  private static final class MistakeAwareResponse extends HttpServletResponseWrapper {

    private final Supplier<Optional<Answer>> insteadOfServerError;
    private Answer instead;

    MistakeAwareResponse(HttpServletResponse response, Supplier<Optional<Answer>> insteadOfServerError) {
      super(response);
      this.insteadOfServerError = insteadOfServerError;
    }

    @Override
    public void setStatus(int status) {
      super.setStatus(replaced(status) ? instead.status() : status);
    }

    @Override
    public void sendError(int status) throws IOException {
      if (replaced(status)) {
        super.setStatus(instead.status());
      } else {
        super.sendError(status);
      }
    }

    @Override
    public void sendError(int status, String message) throws IOException {
      if (replaced(status)) {
        super.setStatus(instead.status());
      } else {
        super.sendError(status, message);
      }
    }

    private boolean replaced(int status) {
      if (status >= SC_INTERNAL_SERVER_ERROR && instead == null) {
        instead = insteadOfServerError.get().orElse(null);
      }
      return instead != null;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      return instead == null ? super.getOutputStream() : Discarded.STREAM;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      return instead == null ? super.getWriter() : new PrintWriter(OutputStream.nullOutputStream());
    }

    @Override
    public void setContentLength(int length) {
      if (instead == null) {
        super.setContentLength(length);
      }
    }

    @Override
    public void setContentLengthLong(long length) {
      if (instead == null) {
        super.setContentLengthLong(length);
      }
    }

    @Override
    public void flushBuffer() throws IOException {
      if (instead == null) {
        super.flushBuffer();
      }
    }
  }

  /** Where the engine's own error body goes once the filter answers instead. */
  private static final class Discarded extends ServletOutputStream {

    static final Discarded STREAM = new Discarded();

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setWriteListener(WriteListener listener) {
      // written at once: nothing to wait for
    }

    @Override
    public void write(int b) {
      // left out
    }
  }

  @Configuration
  static class Registration {

    @Bean
    FilterRegistrationBean<EngineErrors> engineErrors(ProcessEngine engine) {
      FilterRegistrationBean<EngineErrors> registration = new FilterRegistrationBean<>(new EngineErrors(engine));
      registration.setName("engine-errors");
      // after the engine's authentication, so that a task the caller may not see is, to them, missing;
      // before the gates, whose own answers pass through unchanged
      registration.setOrder(1);
      registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
      return registration;
    }
  }
}
