package fr.sanscouture.timeline;

import static fr.sanscouture.identity.SystemCalls.asSystem;

import fr.sanscouture.access.ParcoursAccess;
import fr.sanscouture.escalation.EscalationProcess;
import fr.sanscouture.followup.FollowUpProcess;
import fr.sanscouture.identity.Directory;
import fr.sanscouture.immersion.ImmersionProcess;
import fr.sanscouture.parcours.ParcoursProcess;
import fr.sanscouture.territory.Territory;
import fr.sanscouture.timeline.Timeline.Escalation;
import fr.sanscouture.timeline.Timeline.Immersion;
import fr.sanscouture.timeline.Timeline.Step;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The timeline of the parcours a task belongs to, read from the engine's history within the access
 * rules: the user must see the task, and sees only the process instances of the parcours they may read
 * (the structure in charge reads them all; a partner, only what its grants give). What is read of those
 * instances is then read on the application's behalf.
 */
@Component
public class ParcoursTimeline {

  private final TaskService taskService;
  private final HistoryService historyService;
  private final IdentityService identityService;
  private final Directory directory;
  private final Territory territory;

  ParcoursTimeline(TaskService taskService, HistoryService historyService,
      IdentityService identityService, Directory directory, Territory territory) {
    this.taskService = taskService;
    this.historyService = historyService;
    this.identityService = identityService;
    this.directory = directory;
    this.territory = territory;
  }

  /** The timeline beside a task, as the authenticated user may read it; empty when they may not see the task. */
  public Optional<Timeline> besideTask(String taskId) {
    Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
    if (task == null || task.getProcessInstanceId() == null) {
      return Optional.empty();
    }
    String parcoursId = asSystem(identityService, () -> historyService.createHistoricProcessInstanceQuery()
        .processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey());
    List<HistoricProcessInstance> readable = historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(parcoursId).orderByProcessInstanceStartTime().asc().list();
    return Optional.of(asSystem(identityService, () -> timeline(parcoursId, task, readable)));
  }

  private Timeline timeline(String parcoursId, Task task, List<HistoricProcessInstance> instances) {
    Map<String, Map<String, Object>> variables = variables(instances);
    Map<String, List<Step>> tasksByInstance = tasks(instances);
    Optional<HistoricProcessInstance> root = instances.stream()
        .filter(instance -> ParcoursProcess.KEY.equals(instance.getProcessDefinitionKey())).findFirst();
    Map<String, Object> rootVariables = root.map(r -> variables.getOrDefault(r.getId(), Map.of())).orElse(Map.of());
    String inCharge = organisationName((String) rootVariables.get(ParcoursAccess.ORGANISATION_IN_CHARGE.getName()));

    List<Step> tasks = tasksByInstance.values().stream().flatMap(List::stream).toList();
    List<Step> steps = Stream.concat(root.stream().flatMap(this::phases), tasks.stream())
        .sorted(Comparator.comparing(step -> Instant.parse(step.startedAt()))).toList();
    Set<String> organisations = new LinkedHashSet<>();
    Optional.ofNullable(inCharge).ifPresent(organisations::add);
    tasks.stream().map(Step::organisation).filter(Objects::nonNull).forEach(organisations::add);

    // the person's name, from the parcours, or the part of it the user may read; none for who may read neither
    Map<String, Object> named = root.isPresent() ? rootVariables : variables.getOrDefault(task.getProcessInstanceId(), Map.of());
    return new Timeline(
        parcoursId,
        named.containsKey(ParcoursProcess.PERSON_LAST_NAME.getName())
            ? named.get(ParcoursProcess.PERSON_FIRST_NAME.getName()) + " " + named.get(ParcoursProcess.PERSON_LAST_NAME.getName())
            : null,
        root.map(r -> iso(r.getStartTime())).orElse(null),
        inCharge,
        Optional.ofNullable((String) rootVariables.get(ParcoursProcess.LEAD_REFERENT.getName()))
            .flatMap(directory::user).map(Directory::displayName).orElse(null),
        List.copyOf(organisations),
        steps,
        instances.stream().filter(instance -> FollowUpProcess.KEY.equals(instance.getProcessDefinitionKey()))
            .flatMap(instance -> tasksByInstance.get(instance.getId()).stream()).filter(step -> step.endedAt() == null).toList(),
        instances.stream().filter(instance -> ImmersionProcess.KEY.equals(instance.getProcessDefinitionKey()))
            .map(instance -> immersion(instance, variables.getOrDefault(instance.getId(), Map.of()))).toList(),
        instances.stream().filter(instance -> EscalationProcess.KEY.equals(instance.getProcessDefinitionKey()))
            .map(instance -> escalation(instance, variables.getOrDefault(instance.getId(), Map.of()))).toList());
  }

  /** The phases of the parcours: the parts its model calls (reception, diagnostic, orientation…). */
  private Stream<Step> phases(HistoricProcessInstance root) {
    return historyService.createHistoricActivityInstanceQuery().processInstanceId(root.getId()).activityType("callActivity")
        .list().stream()
        .map(phase -> new Step("phase", phase.getActivityName(), iso(phase.getStartTime()), iso(phase.getEndTime()), null,
            null, null, phase.isCanceled()));
  }

  /**
   * The tasks of each instance, by instance id, with who completed them: the user the engine's operation
   * log names for the completion (not the assignee, whom a colleague may have replaced), else the
   * assignee; each person's name is looked up once.
   */
  private Map<String, List<Step>> tasks(List<HistoricProcessInstance> instances) {
    Map<String, List<HistoricTaskInstance>> byInstance = new LinkedHashMap<>();
    Map<String, String> completers = new HashMap<>();
    instances.forEach(instance -> {
      byInstance.put(instance.getId(), historyService.createHistoricTaskInstanceQuery().processInstanceId(instance.getId()).list());
      historyService.createUserOperationLogQuery().processInstanceId(instance.getId())
          .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).entityType(EntityTypes.TASK).list().stream()
          .filter(entry -> entry.getTaskId() != null && entry.getUserId() != null)
          .forEach(entry -> completers.put(entry.getTaskId(), entry.getUserId()));
    });
    Map<String, String> completedBy = new HashMap<>();
    byInstance.values().stream().flatMap(List::stream).filter(task -> task.getEndTime() != null)
        .forEach(task -> Optional.ofNullable(completers.getOrDefault(task.getId(), task.getAssignee()))
            .ifPresent(userId -> completedBy.put(task.getId(), userId)));
    Map<String, String> names = directory.displayNames(Set.copyOf(completedBy.values()));
    Map<String, List<Step>> steps = new LinkedHashMap<>();
    byInstance.forEach((instanceId, tasks) -> steps.put(instanceId, tasks.stream()
        .map(task -> new Step("task", task.getName(), iso(task.getStartTime()), iso(task.getEndTime()), iso(task.getDueDate()),
            Optional.ofNullable(completedBy.get(task.getId())).map(names::get).orElse(null),
            organisationOf(task), task.getEndTime() != null && !"completed".equals(task.getDeleteReason())))
        .toList()));
    return steps;
  }

  /** The structure a task was offered to: its candidate group that is a structure of the territory. */
  private String organisationOf(HistoricTaskInstance task) {
    return historyService.createHistoricIdentityLinkLogQuery().taskId(task.getId()).type(IdentityLinkType.CANDIDATE).list()
        .stream().map(HistoricIdentityLinkLog::getGroupId).filter(Objects::nonNull).filter(territory::isOrganisationGroup)
        .findFirst().map(this::organisationName).orElse(null);
  }

  private Immersion immersion(HistoricProcessInstance instance, Map<String, Object> variables) {
    String result = (String) variables.get(ImmersionProcess.RESULT.getName());
    String outcome = instance.getEndTime() == null ? "en cours"
        : ImmersionProcess.HIRED.equals(result) ? "embauche"
        : "REFUSED".equals(variables.get(ImmersionProcess.AGREEMENT_STATUS.getName())) ? "convention refusée"
        : "terminée";
    return new Immersion((String) variables.get(ImmersionProcess.COMPANY_NAME.getName()),
        (String) variables.get(ImmersionProcess.JOB.getName()), (String) variables.get(ImmersionProcess.START.getName()),
        (String) variables.get(ImmersionProcess.END.getName()), iso(instance.getStartTime()), iso(instance.getEndTime()), outcome);
  }

  private static Escalation escalation(HistoricProcessInstance instance, Map<String, Object> variables) {
    return new Escalation((String) variables.get(EscalationProcess.WATCHED_TASK_NAME.getName()),
        (String) variables.get(EscalationProcess.LEVEL_LABEL.getName()), iso(instance.getStartTime()), iso(instance.getEndTime()));
  }

  /** The variables the timeline shows, per instance (their last value). */
  private Map<String, Map<String, Object>> variables(List<HistoricProcessInstance> instances) {
    Map<String, Map<String, Object>> byInstance = new HashMap<>();
    if (instances.isEmpty()) {
      return byInstance;
    }
    historyService.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(instances.stream().map(HistoricProcessInstance::getId).toArray(String[]::new))
        .variableNameIn(ParcoursAccess.ORGANISATION_IN_CHARGE.getName(), ParcoursProcess.LEAD_REFERENT.getName(),
            ParcoursProcess.PERSON_FIRST_NAME.getName(), ParcoursProcess.PERSON_LAST_NAME.getName(),
            ImmersionProcess.COMPANY_NAME.getName(), ImmersionProcess.JOB.getName(), ImmersionProcess.START.getName(),
            ImmersionProcess.END.getName(), ImmersionProcess.RESULT.getName(), ImmersionProcess.AGREEMENT_STATUS.getName(),
            EscalationProcess.WATCHED_TASK_NAME.getName(), EscalationProcess.LEVEL_LABEL.getName())
        .disableCustomObjectDeserialization().list()
        .stream().filter(variable -> variable.getValue() != null)
        .forEach(variable -> byInstance.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>())
            .put(variable.getName(), variable.getValue()));
    return byInstance;
  }

  private String organisationName(String groupId) {
    return groupId == null || !territory.isOrganisationGroup(groupId) ? null : territory.organisationByGroupId(groupId).name();
  }

  private static String iso(Date date) {
    return date == null ? null : date.toInstant().toString();
  }
}
