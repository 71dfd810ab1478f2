package fr.sanscouture;

import static fr.sanscouture.ProcessTestSupport.at;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processEngine;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import fr.sanscouture.contract.EngagementContractProcess;
import fr.sanscouture.diagnostic.Barrier;
import fr.sanscouture.diagnostic.DiagnosticProcess;
import fr.sanscouture.followup.FollowUpProcess;
import fr.sanscouture.orientation.OrientationProcess;
import fr.sanscouture.reception.ReceptionProcess;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;

/** The steps a person goes through, as the users of each step would complete them, for scenario tests. */
public final class Steps {

  private Steps() {}

  /** The process a parcours (or any parent) calls at the moment, by key. */
  public static ProcessInstance called(ProcessInstance parent, String key) {
    return processEngine().getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(parent.getId()).processDefinitionKey(key).singleResult();
  }

  public static void runJobs(ProcessInstance instance, String activityId) {
    execute(job(activityId, instance));
    execute(job(activityId, instance));
  }

  /** Runs the job of a step that has one async boundary, before or after it. */
  public static void runJob(ProcessInstance instance, String activityId) {
    execute(job(activityId, instance));
  }

  /** Invitation sent, appointment on 4 November, person seen. */
  public static void receive(ProcessInstance reception) {
    runJobs(reception, ReceptionProcess.Elements.SEND_INVITATION);
    complete(task(ReceptionProcess.Elements.PLAN_APPOINTMENT, reception), withVariables(
        ReceptionProcess.APPOINTMENT.getName(), "2026-11-04T10:00+01:00",
        ReceptionProcess.APPOINTMENT_PLACE.getName(), "Avignon"));
    ClockUtil.setCurrentTime(at(2026, 11, 4, 11, 0));
    complete(task(ReceptionProcess.Elements.HOLD_RECEPTION, reception), withVariables(
        ReceptionProcess.RECEPTION_OUTCOME.getName(), "SEEN", ReceptionProcess.RECEPTION_DATE.getName(), "2026-11-04"));
  }

  /** A diagnostic without contributions: the given criteria, every barrier without impact but those given. */
  public static void diagnose(ProcessInstance diagnostic, boolean readyForWork, Map<String, String> barriers) {
    complete(task(DiagnosticProcess.Elements.RECORD_DIAGNOSTIC, diagnostic), diagnosis(readyForWork, barriers));
  }

  public static VariableMap diagnosis(boolean readyForWork, Map<String, String> barriers) {
    VariableMap variables = Variables.createVariables()
        .putValue(DiagnosticProcess.RECENT_ACTIVITY.getName(), readyForWork)
        .putValue(DiagnosticProcess.CAN_PICTURE_JOB.getName(), readyForWork)
        .putValue(DiagnosticProcess.QUALIFICATION_LEVEL.getName(), "CAP_BEP");
    for (Barrier barrier : Barrier.values()) {
      variables.putValue(barrier.variable().getName(), barriers.getOrDefault(barrier.variable().getName(), "NONE"));
    }
    return variables;
  }

  public static void confirmOrientation(ProcessInstance orientation) {
    complete(task(OrientationProcess.Elements.CONFIRM_ORIENTATION, orientation),
        withVariables(OrientationProcess.DECISION.getName(), OrientationProcess.CONFIRM));
  }

  public static void signContract(ProcessInstance contract, String signedOn) {
    complete(task(EngagementContractProcess.Elements.SIGN_CONTRACT, contract), withVariables(
        EngagementContractProcess.PLAN_ACTIONS, SpinValues.jsonValue("[\"CV_WORKSHOP\", \"IMMERSION\"]").create(),
        EngagementContractProcess.WEEKLY_HOURS, 15L,
        EngagementContractProcess.SIGNED_ON.getName(), signedOn));
  }

  public static void holdMilestone(ProcessInstance followUp, Map<String, Object> decision) {
    VariableMap variables = Variables.createVariables()
        .putValue(FollowUpProcess.ACTIONS_PROGRESS.getName(), "Atelier CV suivi, deux candidatures envoyées.");
    variables.putAll(decision);
    complete(task(FollowUpProcess.Elements.HOLD_MILESTONE, followUp), variables);
  }
}
