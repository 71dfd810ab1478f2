package fr.sanscouture.demo;

import fr.sanscouture.contract.EngagementContractProcess;
import fr.sanscouture.diagnostic.Barrier;
import fr.sanscouture.diagnostic.DiagnosticProcess;
import fr.sanscouture.followup.FollowUpProcess;
import fr.sanscouture.orientation.OrientationProcess;
import fr.sanscouture.parcours.ParcoursProcess;
import fr.sanscouture.reception.ReceptionProcess;
import fr.sanscouture.territory.Territory;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Takes a demo parcours to a stage as its users would: completing each task with plausible answers, and
 * running the mails due on the way (the job executor starts after the demo is loaded).
 */
@Component
@Profile("default")
class DemoJourney {

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final Territory territory;

  DemoJourney(TaskService taskService, RuntimeService runtimeService, ManagementService managementService,
      Territory territory) {
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.territory = territory;
  }

  void advance(String parcoursId, DemoStage stage) {
    runDueJobs(parcoursId);
    if (stage.compareTo(DemoStage.APPOINTMENT_PLANNED) >= 0) {
      complete(parcoursId, ReceptionProcess.Elements.PLAN_APPOINTMENT, Variables.createVariables()
          .putValue(ReceptionProcess.APPOINTMENT.getName(), ClockUtil.getCurrentTime().toInstant().atZone(territory.timeZone())
              .plusHours(1).toOffsetDateTime().toString())
          .putValue(ReceptionProcess.APPOINTMENT_PLACE.getName(), "Accueil de la structure"));
    }
    if (stage.compareTo(DemoStage.DIAGNOSTIC) >= 0) {
      complete(parcoursId, ReceptionProcess.Elements.HOLD_RECEPTION, Variables.createVariables()
          .putValue(ReceptionProcess.RECEPTION_OUTCOME.getName(), "SEEN")
          .putValue(ReceptionProcess.RECEPTION_DATE.getName(), territory.today().toString()));
    }
    if (stage.compareTo(DemoStage.ORIENTATION) >= 0) {
      complete(parcoursId, DiagnosticProcess.Elements.RECORD_DIAGNOSTIC, readyForWork());
    }
    if (stage.compareTo(DemoStage.CONTRACT) >= 0) {
      complete(parcoursId, OrientationProcess.Elements.CONFIRM_ORIENTATION, Variables.createVariables()
          .putValue(OrientationProcess.DECISION.getName(), OrientationProcess.CONFIRM));
    }
    if (stage.compareTo(DemoStage.FOLLOW_UP) >= 0) {
      complete(parcoursId, EngagementContractProcess.Elements.SIGN_CONTRACT, Variables.createVariables()
          .putValue(EngagementContractProcess.PLAN_ACTIONS, SpinValues.jsonValue("[\"CV_WORKSHOP\", \"IMMERSION\"]").create())
          .putValue(EngagementContractProcess.WEEKLY_HOURS, 15L)
          .putValue(EngagementContractProcess.SIGNED_ON.getName(), territory.today().toString()));
    }
    if (stage == DemoStage.EXITED) {
      complete(parcoursId, FollowUpProcess.Elements.HOLD_MILESTONE, Variables.createVariables()
          .putValue(FollowUpProcess.ACTIONS_PROGRESS.getName(), "Immersion réussie, embauche en CDI.")
          .putValue(FollowUpProcess.DECISION.getName(), "EXIT")
          .putValue(ParcoursProcess.EXIT_REASON.getName(), "SUSTAINABLE_JOB")
          .putValue(FollowUpProcess.JOB_PERMANENT.getName(), true));
    }
  }

  private void complete(String parcoursId, String taskDefinitionKey, Map<String, Object> variables) {
    String taskId = taskService.createTaskQuery().processInstanceBusinessKey(parcoursId)
        .taskDefinitionKey(taskDefinitionKey).singleResult().getId();
    taskService.complete(taskId, variables);
    runDueJobs(parcoursId);
  }

  /** Runs the parcours' async jobs (mails and their continuations), timers excepted. */
  private void runDueJobs(String parcoursId) {
    Job job;
    while ((job = nextJob(parcoursId)) != null) {
      managementService.executeJob(job.getId());
    }
  }

  private Job nextJob(String parcoursId) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(parcoursId).list().stream()
        .flatMap(instance -> managementService.createJobQuery().processInstanceId(instance.getId()).messages().list().stream())
        .findFirst().orElse(null);
  }

  private static VariableMap readyForWork() {
    VariableMap diagnosis = Variables.createVariables()
        .putValue(DiagnosticProcess.RECENT_ACTIVITY.getName(), true)
        .putValue(DiagnosticProcess.CAN_PICTURE_JOB.getName(), true)
        .putValue(DiagnosticProcess.QUALIFICATION_LEVEL.getName(), "BAC");
    for (Barrier barrier : Barrier.values()) {
      diagnosis.putValue(barrier.variable().getName(), barrier == Barrier.MOBILITY ? "MEDIUM" : "NONE");
    }
    return diagnosis;
  }
}
