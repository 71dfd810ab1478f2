package fr.sanscouture.sla;

import fr.sanscouture.escalation.EscalationProcess;
import fr.sanscouture.identity.Directory;
import fr.sanscouture.orientation.OrientationProcess;
import fr.sanscouture.orientation.PrepareOrientationDelegate;
import fr.sanscouture.contract.PrepareContractDelegate;
import fr.sanscouture.parcours.ParcoursProcess;
import fr.sanscouture.reception.PrepareReceptionDelegate;
import fr.sanscouture.reception.ReceptionProcess;
import fr.sanscouture.territory.Territory;
import fr.sanscouture.territory.Territory.EmploymentArea;
import fr.sanscouture.territory.Territory.Organisation;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;

/**
 * The service-level figures of the parcours entered over a period, per bassin and per structure, from
 * the engine's history (delays) and runtime (what is late now). Read by the Cockpit dashboard and the
 * Prometheus gauges.
 */
@Service
public class SlaFigures {

  private final HistoryService historyService;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final Directory directory;
  private final Territory territory;

  public SlaFigures(HistoryService historyService, RuntimeService runtimeService, TaskService taskService,
      Directory directory, Territory territory) {
    this.historyService = historyService;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.directory = directory;
    this.territory = territory;
  }

  /** The period the gauges and, by default, the dashboard cover: the parcours entered in the last 90 days. */
  public static final int RECENT_DAYS = 90;

  /** Today on the territory. */
  public LocalDate today() {
    return territory.today();
  }

  /** The figures of the parcours entered from {@code from} to {@code to}, both days included. */
  public SlaReport report(LocalDate from, LocalDate to) {
    List<Parcours> parcours = parcoursEntered(from, to);
    List<SlaRow> rows = new ArrayList<>(bassinRows(parcours));
    for (Organisation organisation : territory.organisations()) {
      String group = organisation.groupId();
      rows.add(row(SlaRow.Scope.STRUCTURE, organisation.code(), organisation.name(),
          parcours.stream().filter(p -> group.equals(p.receptionOrganisation())).toList(),
          List.of(),
          parcours.stream().filter(p -> group.equals(p.leadOrganisation())).toList(),
          overdueTasks(organisation), openEscalations(EscalationProcess.WATCHED_ORGANISATION.getName(), group)));
    }
    return new SlaReport(from, to, rows);
  }

  /** The bassins' rows only, over the last {@value #RECENT_DAYS} days: what the gauges show. */
  public List<SlaRow> recentBassinRows() {
    LocalDate today = territory.today();
    return bassinRows(parcoursEntered(today.minusDays(RECENT_DAYS), today));
  }

  private List<SlaRow> bassinRows(List<Parcours> parcours) {
    List<SlaRow> rows = new ArrayList<>();
    for (EmploymentArea area : territory.employmentAreas()) {
      List<Parcours> inArea = parcours.stream().filter(p -> area.code().equals(p.area())).toList();
      rows.add(row(SlaRow.Scope.BASSIN, area.code(), area.name(), inArea, inArea, inArea,
          overdueTasks(area), openEscalations(ParcoursProcess.EMPLOYMENT_AREA.getName(), area.code())));
    }
    return rows;
  }

  private SlaRow row(SlaRow.Scope scope, String code, String name, List<Parcours> received, List<Parcours> oriented,
      List<Parcours> contracted, long overdueTasks, long openEscalations) {
    return new SlaRow(scope, code, name, received.size(), overdueTasks, openEscalations,
        share(received, Parcours::entered, Parcours::received, PrepareReceptionDelegate.RECEPTION_DELAY),
        share(oriented, Parcours::entered, Parcours::oriented, PrepareOrientationDelegate.ORIENTATION_DELAY),
        share(contracted, Parcours::oriented, Parcours::contracted, PrepareContractDelegate.CONTRACT_DELAY),
        medianDays(received, Parcours::entered, Parcours::received),
        medianDays(oriented, Parcours::entered, Parcours::oriented),
        medianDays(contracted, Parcours::oriented, Parcours::contracted));
  }

  /** Among the steps done, those done within their delay counted from their start. */
  private SlaRow.Share share(List<Parcours> parcours, Function<Parcours, Date> start, Function<Parcours, Date> end,
      Period delay) {
    List<Parcours> done = parcours.stream().filter(p -> end.apply(p) != null).toList();
    long onTime = done.stream().filter(p -> !end.apply(p).after(territory.after(start.apply(p), delay))).count();
    return new SlaRow.Share(onTime, done.size());
  }

  /** The median, in days, of the steps done. */
  private static Double medianDays(List<Parcours> parcours, Function<Parcours, Date> start, Function<Parcours, Date> end) {
    List<Double> days = parcours.stream().filter(p -> end.apply(p) != null)
        .map(p -> Duration.between(start.apply(p).toInstant(), end.apply(p).toInstant()).toMinutes() / 1440.0)
        .sorted().toList();
    if (days.isEmpty()) {
      return null;
    }
    int middle = days.size() / 2;
    double median = days.size() % 2 == 1 ? days.get(middle) : (days.get(middle - 1) + days.get(middle)) / 2;
    return Math.round(median * 10) / 10.0;
  }

  private long overdueTasks(EmploymentArea area) {
    return taskService.createTaskQuery().dueBefore(ClockUtil.getCurrentTime())
        .processVariableValueEquals(ParcoursProcess.EMPLOYMENT_AREA.getName(), area.code()).count();
  }

  private long overdueTasks(Organisation organisation) {
    Date now = ClockUtil.getCurrentTime();
    long offered = taskService.createTaskQuery().dueBefore(now).taskCandidateGroup(organisation.groupId()).count();
    String[] members = directory.idsOfAll(organisation.groupId()).toArray(String[]::new);
    long assigned = members.length == 0 ? 0
        : taskService.createTaskQuery().dueBefore(now).taskAssigneeIn(members).count();
    return offered + assigned;
  }

  private long openEscalations(String variable, String value) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(EscalationProcess.KEY)
        .variableValueEquals(variable, value).count();
  }

  private List<Parcours> parcoursEntered(LocalDate from, LocalDate to) {
    Date since = territory.at(from, LocalTime.MIDNIGHT);
    List<HistoricProcessInstance> instances = historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(ParcoursProcess.KEY)
        .startedAfter(since)
        .startedBefore(territory.at(to.plusDays(1), LocalTime.MIDNIGHT))
        .list();
    if (instances.isEmpty()) {
      return List.of();
    }
    String[] ids = instances.stream().map(HistoricProcessInstance::getId).toArray(String[]::new);
    Map<String, Map<String, String>> variables = variables(ids, ParcoursProcess.EMPLOYMENT_AREA.getName(),
        ReceptionProcess.RECEPTION_ORGANISATION.getName(), OrientationProcess.LEAD_ORGANISATION.getName());
    Map<String, String> areas = variables.get(ParcoursProcess.EMPLOYMENT_AREA.getName());
    Map<String, String> receptionOrganisations = variables.get(ReceptionProcess.RECEPTION_ORGANISATION.getName());
    Map<String, String> leadOrganisations = variables.get(OrientationProcess.LEAD_ORGANISATION.getName());
    Map<String, Date> receivedAt = firstEnd(ids, since, ParcoursProcess.Elements.RECEPTION);
    Map<String, Date> orientedAt = firstEnd(ids, since, ParcoursProcess.Elements.ORIENTATION);
    Map<String, Date> contractedAt = firstEnd(ids, since, ParcoursProcess.Elements.CONTRACT);
    return instances.stream().map(instance -> new Parcours(areas.get(instance.getId()),
        receptionOrganisations.get(instance.getId()), leadOrganisations.get(instance.getId()), instance.getStartTime(),
        receivedAt.get(instance.getId()), orientedAt.get(instance.getId()), contractedAt.get(instance.getId()))).toList();
  }

  /** For each variable name, its value in each parcours, read in one query. */
  private Map<String, Map<String, String>> variables(String[] processInstanceIds, String... names) {
    Map<String, Map<String, String>> values = new HashMap<>();
    for (String name : names) {
      values.put(name, new HashMap<>());
    }
    for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(processInstanceIds).variableNameIn(names).list()) {
      values.get(variable.getName()).put(variable.getProcessInstanceId(), (String) variable.getValue());
    }
    return values;
  }

  /** When each parcours first finished the given call activity (a réorientation runs it again). */
  private Map<String, Date> firstEnd(String[] processInstanceIds, Date since, String activityId) {
    Set<String> ids = Set.of(processInstanceIds);
    return historyService.createHistoricActivityInstanceQuery().activityId(activityId).startedAfter(since).finished()
        .list().stream()
        .filter(activity -> ids.contains(activity.getProcessInstanceId()) && !activity.isCanceled())
        .collect(Collectors.toMap(HistoricActivityInstance::getProcessInstanceId, HistoricActivityInstance::getEndTime,
            (a, b) -> a.before(b) ? a : b));
  }

  /** What the figures need of one parcours: where it is, when it entered and when each step first ended. */
  private record Parcours(String area, String receptionOrganisation, String leadOrganisation, Date entered,
      Date received, Date oriented, Date contracted) {}
}
