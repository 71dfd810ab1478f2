package fr.sanscouture.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.sanscouture.identity.RequestCaller;
import fr.sanscouture.identity.SystemCalls;
import fr.sanscouture.web.ReadAgainRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The gate in front of every API that reaches the engine's data — the engine's REST API and the
 * webapps' own (Tasklist, Cockpit, Admin and their plugins) — for the doors the engine's grants do not
 * close. Administrators pass; for everyone else:
 * <ul>
 *   <li>a query may filter or sort by a variable's value only where it answers the caller's own tasks
 *   (the engine returns only those, and their holders read their variables) or the variables
 *   themselves (the engine returns only those the caller may read). Anywhere else — process
 *   instances, executions, history, Cockpit's searches — a filter on a name, a birth date or a barrier
 *   would tell who matches, one letter at a time, to people who may not read the value;</li>
 *   <li>the structures a task is offered to are the model's: nobody adds or removes one (a new
 *   candidate would be granted the task and its variables), and nobody makes an outsider the task's
 *   owner; giving the task to someone goes through its assignee, checked by {@link TaskAccessListener};</li>
 *   <li>a task is given to someone (its assignee set, or delegated) only by a person it is offered to:
 *   the responsables' grant to assign tasks covers every model, this keeps them to their structure's.</li>
 * </ul>
 * A refusal answers 403 with a French message, in the engine's error format, and is logged as such,
 * not as an error.
 */
class PersonDataGuard extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(PersonDataGuard.class);

  /** The query criteria, in a URL's parameters or a JSON body, that compare variables' values. */
  static final Set<String> VARIABLE_CRITERIA = Set.of("variables", "processVariables", "taskVariables",
      "caseInstanceVariables", "caseExecutionVariables", "caseVariables", "variableValues");

  /** The engine's path of a request, whichever API carries it. */
  private static final Pattern ENGINE_PATH = Pattern.compile("^(?:/engine-rest|/camunda/api/engine/engine/[^/]+)(/.*)$");
  /** Queries that answer the caller's own tasks, or variables themselves. */
  private static final Pattern VARIABLE_CRITERIA_ALLOWED = Pattern.compile(
      "^/(task(/count)?|filter/[^/]+(/(list|count|singleResult))?|variable-instance(/count)?"
          + "|history/variable-instance(/count)?|history/detail(/count)?)/?$");
  private static final Pattern IDENTITY_LINKS = Pattern.compile("^/task/[^/]+/identity-links(/delete)?/?$");
  private static final Pattern TASK = Pattern.compile("^/task/([^/]+)/?$");
  private static final Pattern ASSIGNMENT = Pattern.compile("^/task/([^/]+)/(assignee|delegate)/?$");

  static final String NO_VARIABLE_CRITERIA =
      "Cette recherche ne peut pas porter sur les données des personnes (variables) : elle n'est permise que dans vos tâches.";
  static final String NO_CANDIDATE_CHANGE =
      "Les structures à qui une tâche est confiée sont fixées par le modèle du parcours. Pour confier la tâche à une personne de la structure, attribuez-la-lui.";
  static final String NOT_OFFERED_TO_YOU = "Vous ne pouvez attribuer que les tâches confiées à votre structure.";
  static final String NO_OWNER_CHANGE = "Le propriétaire d'une tâche ne se change pas. Pour confier la tâche à quelqu'un, attribuez-la-lui.";

  private final IdentityService identityService;
  private final TaskService taskService;
  private final ObjectMapper json = new ObjectMapper();

  PersonDataGuard(IdentityService identityService, TaskService taskService) {
    this.identityService = identityService;
    this.taskService = taskService;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<Authentication> caller = RequestCaller.of(request, identityService);
    if (caller.isEmpty() || RequestCaller.isAdministrator(caller.get())) {
      chain.doFilter(request, response);
      return;
    }
    HttpServletRequest readable = hasJsonBody(request) ? new ReadAgainRequest(request, Integer.MAX_VALUE) : request;
    JsonNode body = readable instanceof ReadAgainRequest again ? jsonOf(again.body()) : null;
    Optional<String> refusal = refusal(readable, body, caller.get());
    if (refusal.isPresent()) {
      LOG.info("Refused to {}: {} {}", caller.get().getUserId(), request.getMethod(), request.getRequestURI());
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      json.writeValue(response.getWriter(), Map.of("type", "AuthorizationException", "message", refusal.get()));
      return;
    }
    chain.doFilter(readable, response);
  }

  private Optional<String> refusal(HttpServletRequest request, JsonNode body, Authentication caller) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    Matcher engine = ENGINE_PATH.matcher(path);
    String enginePath = engine.matches() ? engine.group(1) : null;
    boolean variablesAllowed = enginePath != null && VARIABLE_CRITERIA_ALLOWED.matcher(enginePath).matches();
    if (!variablesAllowed && (comparesVariables(request) || comparesVariables(body))) {
      return Optional.of(NO_VARIABLE_CRITERIA);
    }
    if (enginePath == null) {
      return Optional.empty();
    }
    if ("POST".equals(request.getMethod()) && IDENTITY_LINKS.matcher(enginePath).matches()) {
      return Optional.of(NO_CANDIDATE_CHANGE);
    }
    Matcher assignment = ASSIGNMENT.matcher(enginePath);
    if ("POST".equals(request.getMethod()) && assignment.matches() && !offeredTo(caller, task(assignment.group(1)))) {
      return Optional.of(NOT_OFFERED_TO_YOU);
    }
    Matcher update = TASK.matcher(enginePath);
    if ("PUT".equals(request.getMethod()) && update.matches() && body != null) {
      Optional<Task> task = task(update.group(1));
      if (body.has("owner") && !Objects.equals(textOrNull(body.get("owner")), task.map(Task::getOwner).orElse(null))) {
        return Optional.of(NO_OWNER_CHANGE);
      }
      if (body.has("assignee") && !Objects.equals(textOrNull(body.get("assignee")), task.map(Task::getAssignee).orElse(null))
          && !offeredTo(caller, task)) {
        return Optional.of(NOT_OFFERED_TO_YOU);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the task is offered to the caller: to one of their groups, or to them by name. Engine grants
   * let the responsables give any task to someone; this keeps them to their structure's.
   */
  private boolean offeredTo(Authentication caller, Optional<Task> task) {
    if (task.isEmpty()) {
      // the engine answers an unknown task itself
      return true;
    }
    List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    return SystemCalls.asSystem(identityService, () -> taskService.getIdentityLinksForTask(task.get().getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .anyMatch(link -> caller.getUserId().equals(link.getUserId()) || groups.contains(link.getGroupId())));
  }

  private static boolean comparesVariables(HttpServletRequest request) {
    return request.getParameterMap().entrySet().stream()
        .anyMatch(parameter -> VARIABLE_CRITERIA.contains(parameter.getKey())
            && Arrays.stream(parameter.getValue()).anyMatch(value -> !value.isBlank()));
  }

  /**
   * Whether a JSON query, its or-queries included, filters on variables or sorts by one. A query's
   * variable criteria are arrays ({@code [{"name", "operator", "value"}]}); an object under the same
   * name is a command's variables to set (a form's submission, a message's correlation), no query.
   */
  static boolean comparesVariables(JsonNode query) {
    if (query == null || !query.isObject()) {
      return false;
    }
    for (String criterion : VARIABLE_CRITERIA) {
      if (query.path(criterion).isArray() && !query.get(criterion).isEmpty()) {
        return true;
      }
    }
    for (JsonNode sorting : query.path("sorting")) {
      if (sorting.path("parameters").has("variable")) {
        return true;
      }
    }
    for (JsonNode orQuery : query.path("orQueries")) {
      if (comparesVariables(orQuery)) {
        return true;
      }
    }
    return false;
  }

  private Optional<Task> task(String taskId) {
    return SystemCalls.asSystem(identityService, () -> Optional.ofNullable(taskService.createTaskQuery().taskId(taskId).singleResult()));
  }

  /** The request's JSON body; none when it is malformed, which the API answers itself. */
  private JsonNode jsonOf(byte[] body) {
    try {
      return body.length == 0 ? null : json.readTree(body);
    } catch (IOException unreadable) {
      return null;
    }
  }

  private static String textOrNull(JsonNode value) {
    return value == null || value.isNull() ? null : value.asText();
  }

  private static boolean hasJsonBody(HttpServletRequest request) {
    return !"GET".equals(request.getMethod()) && request.getContentType() != null
        && request.getContentType().toLowerCase().contains("json");
  }

  @Configuration
  static class Registration {

    @Bean
    FilterRegistrationBean<PersonDataGuard> personDataGuard(IdentityService identityService, TaskService taskService) {
      FilterRegistrationBean<PersonDataGuard> registration =
          new FilterRegistrationBean<>(new PersonDataGuard(identityService, taskService));
      registration.setName("person-data-guard");
      // after the engine's authentication of the REST API, before the read audit
      registration.setOrder(5);
      registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
      return registration;
    }
  }
}
