package fr.sanscouture.privacy;

import fr.sanscouture.identity.SystemCalls;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records who read a parcours: every successful read of one of its tasks or process instances (the
 * task, its form and variables, the instance and its variables, its history) through the engine's REST
 * API or the webapps (Tasklist, Cockpit), and of its timeline beside a task (the Tasklist plugin).
 */
class ReadAuditFilter extends OncePerRequestFilter {

  /** A task or a process instance, or anything under it (its form, its variables, one variable). */
  private static final Pattern BY_ID = Pattern.compile(".*/(task|process-instance)/([0-9a-fA-F-]{36})(/.*)?");

  private final IdentityService identityService;
  private final HistoryService historyService;
  private final AuditLog auditLog;

  ReadAuditFilter(IdentityService identityService, HistoryService historyService, AuditLog auditLog) {
    this.identityService = identityService;
    this.historyService = historyService;
    this.auditLog = auditLog;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!"GET".equals(request.getMethod())) {
      // reads only; and a form-encoded body stays unread for the engine's REST API
      chain.doFilter(request, response);
      return;
    }
    String processInstanceId = request.getParameter("processInstanceId");
    Matcher byId = BY_ID.matcher(request.getRequestURI());
    if (processInstanceId == null && !byId.matches()) {
      chain.doFilter(request, response);
      return;
    }
    // the engine's authentication of the REST API ends with the request
    Optional<String> user = caller(request);
    chain.doFilter(request, response);
    if (response.getStatus() >= 300 || user.isEmpty()) {
      return;
    }
    parcoursRead(processInstanceId, byId).ifPresent(parcoursId -> auditLog.record(user.get(), parcoursId, AuditLog.Action.READ,
        request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString())));
  }

  /** The engine's authenticated user (engine REST API), or the user logged in to the webapps. */
  private Optional<String> caller(HttpServletRequest request) {
    Authentication engineUser = identityService.getCurrentAuthentication();
    if (engineUser != null) {
      return Optional.of(engineUser.getUserId());
    }
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    Authentications webappUsers = AuthenticationUtil.getAuthsFromSession(session);
    return Optional.ofNullable(webappUsers.getAuthenticationForProcessEngine("default")).map(auth -> auth.getName());
  }

  /** The parcours of the instance read: the one named in the query, or the one of the task or instance in the path. */
  private Optional<String> parcoursRead(String processInstanceId, Matcher byId) {
    return SystemCalls.asSystem(identityService, () -> {
      String instance = processInstanceId;
      if (instance == null && byId.group(1).equals("task")) {
        instance = Optional.ofNullable(historyService.createHistoricTaskInstanceQuery().taskId(byId.group(2)).singleResult())
            .map(HistoricTaskInstance::getProcessInstanceId).orElse(null);
      } else if (instance == null) {
        instance = byId.group(2);
      }
      return instance == null ? Optional.<String>empty()
          : Optional.ofNullable(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult())
              .map(HistoricProcessInstance::getBusinessKey);
    });
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
      registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*", "/camunda/api/tasklist/*");
      return registration;
    }
  }
}
