package fr.sanscouture.bench;

import fr.sanscouture.Steps;
import fr.sanscouture.contract.EngagementContractProcess;
import fr.sanscouture.diagnostic.DiagnosticProcess;
import fr.sanscouture.followup.FollowUpProcess;
import fr.sanscouture.orientation.OrientationProcess;
import fr.sanscouture.parcours.ParcoursProcess;
import fr.sanscouture.reception.ReceptionProcess;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * Real parcours, through the engine: the templates the database is filled with. A parcours entered by
 * the CAF in Cavaillon (84300) goes through every step as the integration tests take it (reception,
 * diagnostic, orientation, contract, a milestone) to a sustainable job, where it ends.
 */
final class Journey {

  private Journey() {}

  /** A parcours taken from its entry to its end; answers its root process instance id. */
  static String ended(ProcessEngine engine, Requests requests) throws Exception {
    String parcoursId = requests.intake("84300");
    runMessageJobs(engine);
    complete(engine, parcoursId, ReceptionProcess.Elements.PLAN_APPOINTMENT, Map.of(
        ReceptionProcess.APPOINTMENT.getName(), Requests.appointment().get("appointment"),
        ReceptionProcess.APPOINTMENT_PLACE.getName(), "Cavaillon"));
    complete(engine, parcoursId, ReceptionProcess.Elements.HOLD_RECEPTION, Map.of(
        ReceptionProcess.RECEPTION_OUTCOME.getName(), "SEEN", ReceptionProcess.RECEPTION_DATE.getName(), LocalDate.now().toString()));
    complete(engine, parcoursId, DiagnosticProcess.Elements.RECORD_DIAGNOSTIC, Steps.diagnosis(true, Map.of()));
    complete(engine, parcoursId, OrientationProcess.Elements.CONFIRM_ORIENTATION,
        Map.of(OrientationProcess.DECISION.getName(), OrientationProcess.CONFIRM));
    complete(engine, parcoursId, EngagementContractProcess.Elements.SIGN_CONTRACT, Variables.createVariables()
        .putValue(EngagementContractProcess.PLAN_ACTIONS, SpinValues.jsonValue("[\"JOB_SEARCH\"]").create())
        .putValue(EngagementContractProcess.WEEKLY_HOURS, 15L)
        .putValue(EngagementContractProcess.SIGNED_ON.getName(), LocalDate.now().toString()));
    complete(engine, parcoursId, FollowUpProcess.Elements.HOLD_MILESTONE, Map.of(
        FollowUpProcess.ACTIONS_PROGRESS.getName(), "Embauchée en CDI après une immersion.",
        FollowUpProcess.DECISION.getName(), "EXIT",
        ParcoursProcess.EXIT_REASON.getName(), "SUSTAINABLE_JOB",
        FollowUpProcess.JOB_PERMANENT.getName(), true));
    if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(parcoursId).count() > 0) {
      throw new IllegalStateException("The parcours taken to a job has not ended: " + parcoursId);
    }
    return rootOf(engine, parcoursId);
  }

  /** A parcours just entered, its invitation sent: the référent's structure plans the appointment. */
  static String entered(ProcessEngine engine, Requests requests) throws Exception {
    String parcoursId = requests.intake();
    runMessageJobs(engine);
    return rootOf(engine, parcoursId);
  }

  /** Runs every async continuation waiting (mails and what follows them), as the job executor would; timers wait. */
  static void runMessageJobs(ProcessEngine engine) {
    ManagementService management = engine.getManagementService();
    List<Job> jobs;
    while (!(jobs = management.createJobQuery().messages().executable().listPage(0, 100)).isEmpty()) {
      jobs.forEach(job -> management.executeJob(job.getId()));
    }
  }

  private static void complete(ProcessEngine engine, String parcoursId, String taskKey, Map<String, Object> variables) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(parcoursId).taskDefinitionKey(taskKey).singleResult();
    if (task == null) {
      throw new IllegalStateException("No task " + taskKey + " in parcours " + parcoursId);
    }
    engine.getTaskService().complete(task.getId(), variables);
    runMessageJobs(engine);
  }

  private static String rootOf(ProcessEngine engine, String parcoursId) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(ParcoursProcess.KEY)
        .processInstanceBusinessKey(parcoursId).singleResult().getId();
  }
}
