package fr.sanscouture.parcours;

import static fr.sanscouture.ProcessTestSupport.at;
import static fr.sanscouture.ProcessTestSupport.person;
import static fr.sanscouture.Steps.called;
import static fr.sanscouture.parcours.ParcoursProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import fr.sanscouture.ProcessTestBase;
import fr.sanscouture.access.FormerReferentAccessProcess;
import fr.sanscouture.ProcessTestSupport;
import fr.sanscouture.Steps;
import fr.sanscouture.contract.EngagementContractProcess;
import fr.sanscouture.contribution.ContributionsProcess;
import fr.sanscouture.diagnostic.DiagnosticProcess;
import fr.sanscouture.followup.FollowUpProcess;
import fr.sanscouture.orientation.OrientationProcess;
import fr.sanscouture.reception.ReceptionOrganisationDecision;
import fr.sanscouture.reception.ReceptionProcess;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The parcours from entry to exit, its parts called as they run in production. */
@Deployment(resources = {RESOURCE, FormerReferentAccessProcess.RESOURCE, ReceptionProcess.RESOURCE, ReceptionOrganisationDecision.RESOURCE,
    DiagnosticProcess.RESOURCE, ContributionsProcess.RESOURCE, OrientationProcess.RESOURCE,
    OrientationProcess.PATH_DECISION_RESOURCE, OrientationProcess.LEAD_DECISION_RESOURCE,
    EngagementContractProcess.RESOURCE, FollowUpProcess.RESOURCE, FollowUpProcess.PLAN_DECISION_RESOURCE,
    "forms/reception-appointment.form", "forms/reception.form", "forms/reception-review.form",
    "forms/diagnostic.form", "forms/diagnostic-conclusion.form", "forms/contribution.form", "forms/orientation.form",
    "forms/lead-referent-choice.form", "forms/engagement-contract.form", "forms/milestone.form",
    "forms/joint-rediagnosis.form"})
class ParcoursProcessTest extends ProcessTestBase {


  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension
      .builder(ProcessTestSupport.engine("parcours-test", BEANS))
      .assertClassCoverageAtLeast(0.9)
      .excludeProcessDefinitionKeys(ReceptionProcess.KEY, DiagnosticProcess.KEY, ContributionsProcess.KEY,
          OrientationProcess.KEY, EngagementContractProcess.KEY, FollowUpProcess.KEY)
      .build();

  private final List<String> releasedParcours = new ArrayList<>();

  @Override
  protected ProcessEngine engine() {
    return engine.getProcessEngine();
  }

  @Override
  protected ExecutionListener release() {
    return execution -> releasedParcours.add(PARCOURS_ID.from(execution).get());
  }

  @BeforeEach
  void users() {
    var identity = processEngine.getIdentityService();
    ProcessTestSupport.user(identity, "anne.petit", "structure-dept-grand-avignon", "role-responsable");
    ProcessTestSupport.user(identity, "claire.martin", "structure-dept-grand-avignon", "role-referent", "bassin-grand-avignon");
    ProcessTestSupport.user(identity, "karim.benali", "structure-ft-avignon", "role-referent", "bassin-grand-avignon");
    ProcessTestSupport.user(identity, "lea.roussel", "structure-ft-avignon", "role-referent", "bassin-grand-avignon");
    ProcessTestSupport.user(identity, "sophie.roux", "structure-ft-orange", "role-referent", "bassin-nord-vaucluse");
    ProcessTestSupport.user(identity, "paul.orange", "structure-ft-orange", "role-responsable");
  }

  @Test
  void aPersonGoesFromEntryToASustainableJob() throws Exception {
    // entry: the CAF signals a new RSA right; the reception carries the same business key
    ProcessInstance parcours = enter("parcours-emploi", "84000");
    assertThat(parcours).isWaitingAt(Elements.RECEPTION).hasBusinessKey("parcours-emploi");
    ProcessInstance reception = called(parcours, ReceptionProcess.KEY);
    assertThat(reception).hasBusinessKey("parcours-emploi").isWaitingAt(ReceptionProcess.Elements.PLAN_APPOINTMENT);
    Steps.receive(reception);

    // diagnostic by the reception structure
    assertThat(parcours).isWaitingAt(Elements.DIAGNOSTIC);
    ProcessInstance diagnostic = called(parcours, DiagnosticProcess.KEY);
    assertThat(task(DiagnosticProcess.Elements.RECORD_DIAGNOSTIC, diagnostic)).hasCandidateGroup("structure-dept-grand-avignon");
    Steps.diagnose(diagnostic, true, Map.of());

    // orientation: the referential proposes a professional path with France Travail
    ProcessInstance orientation = called(parcours, OrientationProcess.KEY);
    Task confirmation = task(OrientationProcess.Elements.CONFIRM_ORIENTATION, orientation);
    assertThat(confirmation).hasName("Orientation – Amina Diallo").hasCandidateGroup("role-charge-orientation")
        .hasDueDate(at(2026, 12, 14, 10, 0));
    assertThat(orientation).variables()
        .containsEntry(OrientationProcess.PROPOSED_PATH.getName(), "PROFESSIONNEL")
        .containsEntry(OrientationProcess.PROPOSED_ORGANISATION_TYPE.getName(), "FRANCE_TRAVAIL");
    ClockUtil.setCurrentTime(at(2026, 11, 12, 9, 0));
    Steps.confirmOrientation(orientation);

    // lead referent: the first of the two référents of France Travail Avignon with the same caseload
    assertThat(parcours).hasPassed(Elements.ASSIGN_LEAD_REFERENT)
        .isWaitingAt(Elements.NOTIFY_PERSON_OF_REFERENT, Elements.NOTIFY_LEAD_REFERENT, Elements.CONTRACT)
        .variables().containsEntry(LEAD_REFERENT.getName(), "karim.benali")
        .containsEntry(OrientationProcess.LEAD_ORGANISATION.getName(), "structure-ft-avignon")
        .containsEntry(OrientationProcess.ORIENTATION_PATH.getName(), "PROFESSIONNEL");
    Steps.runJobs(parcours, Elements.NOTIFY_PERSON_OF_REFERENT);
    Steps.runJobs(parcours, Elements.NOTIFY_LEAD_REFERENT);
    assertThat(subjectsTo("amina.diallo@exemple.example")).contains("Votre référent unique");
    assertThat(subjectsTo("karim.benali@test.example")).containsExactly("Nouvelle personne à accompagner – parcours parcours-emploi");

    // contract: the référent's, due a month after the orientation
    ProcessInstance contract = called(parcours, EngagementContractProcess.KEY);
    assertThat(task(EngagementContractProcess.Elements.SIGN_CONTRACT, contract)).isAssignedTo("karim.benali")
        .hasName("Contrat d'engagement – Amina Diallo").hasDueDate(at(2026, 12, 12, 9, 0));
    ClockUtil.setCurrentTime(at(2026, 11, 20, 9, 0));
    Steps.signContract(contract, "2026-11-20");

    // follow-up: monthly milestones on the professional path
    ProcessInstance followUp = called(parcours, FollowUpProcess.KEY);
    assertThat(task(FollowUpProcess.Elements.HOLD_MILESTONE, followUp)).isAssignedTo("karim.benali")
        .hasName("Point d'étape n° 1 – Amina Diallo").hasDueDate(at(2026, 12, 20, 9, 0));
    Steps.holdMilestone(followUp, Map.of(FollowUpProcess.DECISION.getName(), "CONTINUE"));
    assertThat(task(FollowUpProcess.Elements.HOLD_MILESTONE, followUp)).hasName("Point d'étape n° 2 – Amina Diallo");

    // exit to a permanent job
    Steps.holdMilestone(followUp, Map.of(FollowUpProcess.DECISION.getName(), "EXIT",
        EXIT_REASON.getName(), "SUSTAINABLE_JOB", FollowUpProcess.JOB_PERMANENT.getName(), true));

    assertThat(parcours).hasPassed(Elements.EXITED).isEnded();
    assertThat(historic(parcours, EXIT_REASON.getName())).isEqualTo("SUSTAINABLE_JOB");
    assertThat(releasedParcours).containsExactly("parcours-emploi");
    assertNothingLeft(parcours);
  }

  @Test
  void theNextPersonGoesToTheReferentWithTheLowestCaseload() {
    walkToLeadReferent(enter("parcours-1", "84000"));
    ClockUtil.setCurrentTime(at(2026, 11, 2, 10, 0));
    ProcessInstance second = enter("parcours-2", "84000");
    walkToLeadReferent(second);

    assertThat(second).variables().containsEntry(LEAD_REFERENT.getName(), "lea.roussel");
  }

  @Test
  void withoutReferentInTheBassinTheResponsableChoosesOne() {
    ProcessInstance parcours = enter("parcours-orange", "84100");
    walkToLeadReferent(parcours);
    Steps.runJob(parcours, Elements.REFER_LEAD_ASSIGNMENT);

    assertThat(parcours).hasPassed(Elements.REFER_LEAD_ASSIGNMENT).isWaitingAt(Elements.CHOOSE_LEAD_REFERENT);
    Task choice = task(Elements.CHOOSE_LEAD_REFERENT, parcours);
    assertThat(choice).hasCandidateUser("paul.orange").hasName("Désigner un référent – Amina Diallo");
    assertThat(String.valueOf(processEngine.getRuntimeService().getVariable(parcours.getId(), LEAD_REFERENT_OPTIONS)))
        .contains("\"value\":\"sophie.roux\"").doesNotContain("paul.orange");

    complete(choice, withVariables(LEAD_REFERENT.getName(), "sophie.roux"));

    assertThat(parcours).isWaitingAt(Elements.NOTIFY_PERSON_OF_REFERENT, Elements.NOTIFY_LEAD_REFERENT, Elements.CONTRACT)
        .variables().containsEntry(LEAD_REFERENT.getName(), "sophie.roux");
  }

  @Test
  void aReorientationGoesBackToTheChargeDOrientationAndToANewReferent() {
    ProcessInstance parcours = enter("parcours-reorientation", "84000");
    walkToLeadReferent(parcours);
    Steps.signContract(called(parcours, EngagementContractProcess.KEY), "2026-11-12");
    ClockUtil.setCurrentTime(at(2026, 12, 15, 9, 0));
    Steps.holdMilestone(called(parcours, FollowUpProcess.KEY), Map.of(FollowUpProcess.DECISION.getName(), "REORIENT",
        FollowUpProcess.REORIENTATION_REASON.getName(), "Problème de logement devenu prioritaire."));

    // the chargé d'orientation decides again, within 6 weeks of the request
    ProcessInstance orientation = called(parcours, OrientationProcess.KEY);
    assertThat(task(OrientationProcess.Elements.CONFIRM_ORIENTATION, orientation)).hasDueDate(at(2027, 1, 26, 9, 0));
    complete(task(OrientationProcess.Elements.CONFIRM_ORIENTATION, orientation), withVariables(
        OrientationProcess.DECISION.getName(), OrientationProcess.OVERRIDE,
        OrientationProcess.OVERRIDE_PATH.getName(), "SOCIAL",
        OrientationProcess.OVERRIDE_ORGANISATION_TYPE.getName(), "DEPARTEMENT",
        OrientationProcess.OVERRIDE_REASON.getName(), "Le logement d'abord."));

    // a new référent takes over; the former one is kept for their read access
    assertThat(parcours).variables()
        .containsEntry(LEAD_REFERENT.getName(), "claire.martin")
        .containsEntry(FORMER_LEAD_REFERENT.getName(), "karim.benali")
        .containsEntry(REFERENT_CHANGED_AT.getName(), at(2026, 12, 15, 9, 0));
    assertThat(task(EngagementContractProcess.Elements.SIGN_CONTRACT, called(parcours, EngagementContractProcess.KEY)))
        .isAssignedTo("claire.martin").hasDueDate(at(2027, 1, 15, 9, 0));

    // the former référent reads the parcours for 30 days, then no more
    ProcessInstance formerAccess = processEngine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(FormerReferentAccessProcess.KEY).processInstanceBusinessKey("parcours-reorientation").singleResult();
    assertThat(formerAccess).isWaitingAt(FormerReferentAccessProcess.Elements.ACCESS_PERIOD_OVER);
    assertThat(job(formerAccess).getDuedate()).isEqualTo(at(2027, 1, 14, 9, 0));
    assertThat(readGrantsOf("karim.benali", parcours)).isPositive();
    execute(job(formerAccess));
    assertThat(formerAccess).hasPassed(FormerReferentAccessProcess.Elements.END_ACCESS).isEnded();
    assertThat(readGrantsOf("karim.benali", parcours)).isZero();
  }

  @Test
  void theGradesOfAJointRediagnosisAreWhatTheNextOrientationProposesFrom() {
    ProcessInstance parcours = enter("parcours-rediagnostic", "84000");
    Steps.receive(called(parcours, ReceptionProcess.KEY));
    Steps.diagnose(called(parcours, DiagnosticProcess.KEY), false,
        Map.of("barrierHousing", "STRONG", "barrierHealth", "STRONG", "barrierMobility", "STRONG"));
    ClockUtil.setCurrentTime(at(2026, 11, 12, 9, 0));
    complete(task(OrientationProcess.Elements.CONFIRM_ORIENTATION, called(parcours, OrientationProcess.KEY)), withVariables(
        OrientationProcess.DECISION.getName(), OrientationProcess.OVERRIDE,
        OrientationProcess.OVERRIDE_PATH.getName(), "SOCIAL",
        OrientationProcess.OVERRIDE_ORGANISATION_TYPE.getName(), "DEPARTEMENT",
        OrientationProcess.OVERRIDE_REASON.getName(), "Le logement d'abord."));
    Steps.signContract(called(parcours, EngagementContractProcess.KEY), "2026-11-12");
    ProcessInstance followUp = called(parcours, FollowUpProcess.KEY);
    Steps.holdMilestone(followUp, Map.of(FollowUpProcess.DECISION.getName(), "CONTINUE"));
    Steps.holdMilestone(followUp, Map.of(FollowUpProcess.DECISION.getName(), "CONTINUE"));

    var regraded = Steps.diagnosis(false, Map.of("barrierHousing", "MEDIUM"));
    regraded.putValue(FollowUpProcess.ACTIONS_PROGRESS.getName(), "Relogée, soins en cours.");
    regraded.putValue(FollowUpProcess.DECISION.getName(), "REORIENT");
    regraded.putValue(FollowUpProcess.REORIENTATION_REASON.getName(), "Prête pour un parcours vers l'emploi.");
    complete(task(FollowUpProcess.Elements.HOLD_JOINT_REDIAGNOSIS, followUp), regraded);

    assertThat(called(parcours, OrientationProcess.KEY)).variables()
        .containsEntry(DiagnosticProcess.STRONG_BARRIERS.getName(), 0)
        .containsEntry(DiagnosticProcess.MEDIUM_BARRIERS.getName(), 1);
    assertThat(parcours).variables().containsEntry("barrierHousing", "MEDIUM").containsEntry("barrierHealth", "NONE");
  }

  /** The user's read grants on the history of every instance carrying the parcours id (its escalations included). */
  private long readGrantsOf(String userId, ProcessInstance parcours) {
    return processEngine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(parcours.getBusinessKey()).list().stream()
        .mapToLong(instance -> processEngine.getAuthorizationService().createAuthorizationQuery()
            .resourceType(Resources.HISTORIC_PROCESS_INSTANCE).resourceId(instance.getId()).userIdIn(userId).count())
        .sum();
  }

  @Test
  void theEndOfRsaRightsEndsTheParcoursWhereverItIsAndLeavesNothingBehind() {
    ProcessInstance parcours = enter("parcours-rsa", "84000");
    walkToLeadReferent(parcours);
    assertThat(called(parcours, EngagementContractProcess.KEY)).isNotNull();

    // the API records why (ParcoursJourneyIntegrationTest); here, where the message leads
    processEngine.getRuntimeService().createMessageCorrelation(MESSAGE_RSA_RIGHTS_ENDED)
        .processInstanceBusinessKey("parcours-rsa")
        .correlate();

    assertThat(parcours).hasPassed(Elements.RSA_RIGHTS_ENDED).isEnded();
    assertThat(releasedParcours).containsExactly("parcours-rsa");
    assertNothingLeft(parcours);
  }

  @Test
  void aReceptionClosedByTheResponsableEndsTheParcoursForAbandonment() {
    ProcessInstance parcours = enter("parcours-absent", "84000");
    ProcessInstance reception = called(parcours, ReceptionProcess.KEY);
    for (int absence = 1; absence <= 3; absence++) {
      Steps.runJobs(reception, ReceptionProcess.Elements.SEND_INVITATION);
      complete(task(ReceptionProcess.Elements.PLAN_APPOINTMENT, reception), withVariables(
          ReceptionProcess.APPOINTMENT.getName(), "2026-11-0" + (2 + absence) + "T10:00+01:00",
          ReceptionProcess.APPOINTMENT_PLACE.getName(), "Avignon"));
      ClockUtil.setCurrentTime(at(2026, 11, 2 + absence, 12, 0));
      complete(task(ReceptionProcess.Elements.HOLD_RECEPTION, reception), withVariables(
          ReceptionProcess.RECEPTION_OUTCOME.getName(), "NO_SHOW",
          ReceptionProcess.RECEPTION_DATE.getName(), "2026-11-0" + (2 + absence)));
    }
    Steps.runJob(reception, ReceptionProcess.Elements.REFER_TO_MANAGER);

    complete(task(ReceptionProcess.Elements.REVIEW_RECEPTION, reception), withVariables(
        ReceptionProcess.REVIEW_DECISION.getName(), ReceptionProcess.CLOSE,
        ReceptionProcess.REVIEW_REASON.getName(), "Trois absences sans nouvelles"));

    assertThat(parcours).hasPassed(Elements.ABANDONED_AT_RECEPTION).isEnded();
    assertThat(historic(parcours, EXIT_REASON.getName())).isEqualTo(ExitReason.ABANDONMENT.name());
    assertThat(releasedParcours).containsExactly("parcours-absent");
    assertNothingLeft(parcours);
  }

  private ProcessInstance enter(String parcoursId, String postcode) {
    return processEngine.getRuntimeService().createMessageCorrelation(MESSAGE_ENTRY_RECEIVED)
        .processInstanceBusinessKey(parcoursId)
        .setVariables(person(parcoursId, EntryChannel.CAF, postcode))
        .correlateStartMessage();
  }

  /** Reception, diagnostic (ready for work) and confirmed orientation. */
  private void walkToLeadReferent(ProcessInstance parcours) {
    Steps.receive(called(parcours, ReceptionProcess.KEY));
    Steps.diagnose(called(parcours, DiagnosticProcess.KEY), true, Map.of());
    ClockUtil.setCurrentTime(at(2026, 11, 12, 9, 0));
    Steps.confirmOrientation(called(parcours, OrientationProcess.KEY));
  }

  private void assertNothingLeft(ProcessInstance parcours) {
    assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(parcours.getBusinessKey()).count()).isZero();
    assertThat(processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(parcours.getBusinessKey()).count()).isZero();
    assertThat(processEngine.getManagementService().createJobQuery().count()).isZero();
  }

  private Object historic(ProcessInstance instance, String name) {
    return historic(instance.getId(), name);
  }

  private List<String> subjectsTo(String address) throws Exception {
    List<String> subjects = new ArrayList<>();
    for (var mail : smtp.getReceivedMessages()) {
      if (Arrays.stream(mail.getAllRecipients()).anyMatch(recipient -> recipient.toString().equals(address))) {
        subjects.add(mail.getSubject());
      }
    }
    return subjects;
  }
}
