package fr.sanscouture.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.sanscouture.identity.RequestCaller;
import fr.sanscouture.identity.SystemCalls;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Records who read a parcours: every successful read of one of its tasks or process instances (the
 * task, its form and variables, the instance and its variables, its history) through the engine's REST
 * API or the webapps (Tasklist, Cockpit), of its timeline beside a task (the Tasklist plugin), and every
 * list that answers some of its tasks, variables or history (Tasklist's inbox, a query over many
 * instances): one row per parcours the answer names.
 */
class ReadAuditFilter extends OncePerRequestFilter {

  /** A task or a process instance, or anything under it (its form, its variables, one variable). */
  private static final Pattern BY_ID = Pattern.compile(".*/(task|process-instance)/([0-9a-fA-F-]{36})(/.*)?");
  /** Lists whose items name people (a task's name, a variable, a decision's inputs), each with its instance. */
  private static final Pattern LIST = Pattern.compile(
      ".*/(task|filter/[^/]+/(list|singleResult)|variable-instance|history/(task|variable-instance|detail|decision-instance))/?");
  /** How many instances one look-up of their parcours names at most. */
  private static final int CHUNK = 500;

  private final IdentityService identityService;
  private final HistoryService historyService;
  private final AuditLog auditLog;
  private final ObjectMapper json = new ObjectMapper();

  ReadAuditFilter(IdentityService identityService, HistoryService historyService, AuditLog auditLog) {
    this.identityService = identityService;
    this.historyService = historyService;
    this.auditLog = auditLog;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher byId = BY_ID.matcher(request.getRequestURI());
    boolean list = LIST.matcher(request.getRequestURI()).matches();
    // a GET's processInstanceId parameter; a POST's form-encoded body stays unread for the engine's REST API
    String processInstanceId = "GET".equals(request.getMethod()) ? request.getParameter("processInstanceId") : null;
    boolean read = "GET".equals(request.getMethod()) && (processInstanceId != null || byId.matches())
        || list && ("GET".equals(request.getMethod()) || "POST".equals(request.getMethod()));
    if (!read) {
      chain.doFilter(request, response);
      return;
    }
    // the engine's authentication of the REST API ends with the request
    Optional<Authentication> user = RequestCaller.of(request, identityService);
    ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
    try {
      chain.doFilter(request, answer);
      if (answer.getStatus() < 300 && user.isPresent()) {
        Set<String> parcours = list ? parcoursNamedIn(answer.getContentAsByteArray()) : parcoursRead(processInstanceId, byId);
        String detail = request.getMethod() + " " + request.getRequestURI()
            + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        auditLog.recordAll(user.get().getUserId(), parcours, AuditLog.Action.READ, detail);
      }
    } finally {
      answer.copyBodyToResponse();
    }
  }

  /** The parcours of the instance read: the one named in the query, or the one of the task or instance in the path. */
  private Set<String> parcoursRead(String processInstanceId, Matcher byId) {
    return SystemCalls.asSystem(identityService, () -> {
      String instance = processInstanceId;
      if (instance == null && byId.group(1).equals("task")) {
        instance = Optional.ofNullable(historyService.createHistoricTaskInstanceQuery().taskId(byId.group(2)).singleResult())
            .map(HistoricTaskInstance::getProcessInstanceId).orElse(null);
      } else if (instance == null) {
        instance = byId.group(2);
      }
      return instance == null ? Set.<String>of() : parcoursOf(Set.of(instance));
    });
  }

  /** The parcours of every process instance a JSON answer names. */
  private Set<String> parcoursNamedIn(byte[] answer) {
    Set<String> instances = new LinkedHashSet<>();
    try {
      collectInstances(json.readTree(answer), instances);
    } catch (IOException notJson) {
      return Set.of();
    }
    return instances.isEmpty() ? Set.of() : SystemCalls.asSystem(identityService, () -> parcoursOf(instances));
  }

  private static void collectInstances(JsonNode node, Set<String> instances) {
    if (node == null) {
      return;
    }
    for (String field : List.of("processInstanceId", "rootProcessInstanceId")) {
      if (node.path(field).isTextual()) {
        instances.add(node.get(field).asText());
      }
    }
    node.elements().forEachRemaining(child -> collectInstances(child, instances));
  }

  private Set<String> parcoursOf(Set<String> instances) {
    Set<String> parcours = new LinkedHashSet<>();
    List<String> ids = new ArrayList<>(instances);
    for (int from = 0; from < ids.size(); from += CHUNK) {
      Set<String> chunk = new LinkedHashSet<>(ids.subList(from, Math.min(ids.size(), from + CHUNK)));
      historyService.createHistoricProcessInstanceQuery().processInstanceIds(chunk).list().stream()
          .map(HistoricProcessInstance::getBusinessKey)
          .filter(key -> key != null)
          .forEach(parcours::add);
    }
    return parcours;
  }

  @Configuration
  static class Registration {

    @Bean
    FilterRegistrationBean<ReadAuditFilter> readAuditFilter(IdentityService identityService, HistoryService historyService,
        AuditLog auditLog) {
      FilterRegistrationBean<ReadAuditFilter> registration =
          new FilterRegistrationBean<>(new ReadAuditFilter(identityService, historyService, auditLog));
      registration.setName("read-audit");
      // after the engine's authentication of the REST API, which makes the caller the engine's user
      registration.setOrder(10);
      registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*", "/camunda/api/tasklist/*", "/camunda/api/cockpit/*");
      return registration;
    }
  }
}
