package fr.sanscouture.followup;

import static fr.sanscouture.ProcessTestSupport.at;
import static fr.sanscouture.ProcessTestSupport.person;
import static fr.sanscouture.followup.FollowUpProcess.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import fr.sanscouture.ProcessTestBase;
import fr.sanscouture.ProcessTestSupport;
import fr.sanscouture.Steps;
import fr.sanscouture.contribution.ContributionRequests;
import fr.sanscouture.contribution.ContributionsProcess;
import fr.sanscouture.diagnostic.DiagnosticProcess;
import fr.sanscouture.immersion.ImmersionProcess;
import fr.sanscouture.immersion.Immersions;
import fr.sanscouture.orientation.OrientationProcess;
import fr.sanscouture.parcours.EntryChannel;
import fr.sanscouture.parcours.ExitReason;
import fr.sanscouture.parcours.ParcoursProcess;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The shared follow-up: milestones at the path's rhythm, contributions, réorientation, exit. */
@Deployment(resources = {RESOURCE, PLAN_DECISION_RESOURCE, ContributionsProcess.RESOURCE, ImmersionProcess.RESOURCE,
    "forms/milestone.form", "forms/joint-rediagnosis.form", "forms/contribution.form", "forms/immersion-request.form",
    "forms/immersion-accompanying-signature.form", "forms/immersion-validation.form", "forms/immersion-review.form"})
class FollowUpProcessTest extends ProcessTestBase {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension
      .builder(ProcessTestSupport.engine("follow-up-test", BEANS)).assertClassCoverageAtLeast(0.9)
      .excludeProcessDefinitionKeys(ContributionsProcess.KEY, ImmersionProcess.KEY).build();

  @Override
  protected ProcessEngine engine() {
    return engine.getProcessEngine();
  }

  @Test
  void professionalMilestonesAreMonthlyAndPartnersMayBeAskedBeforeAnExitToAJob() {
    ProcessInstance followUp = start("PROFESSIONNEL");

    Task first = task(Elements.HOLD_MILESTONE, followUp);
    assertThat(first).isAssignedTo("karim.benali").hasName("Point d'étape n° 1 – Amina Diallo")
        .hasDueDate(at(2026, 12, 2, 10, 0));
    Steps.holdMilestone(followUp, Map.of(DECISION.getName(), "CONTINUE"));

    // the référent asks France Travail about mobility
    Steps.holdMilestone(followUp, Map.of(DECISION.getName(), "CONTRIBUTIONS",
        ContributionRequests.REQUESTED_TYPES, SpinValues.jsonValue("[\"DEPARTEMENT\"]").create(),
        ContributionsProcess.BARRIER.getName(), "MOBILITY",
        ContributionsProcess.QUESTION.getName(), "Aide au permis possible ?"));
    assertThat(followUp).isWaitingAt(Elements.CONTRIBUTIONS);
    ProcessInstance contributions = Steps.called(followUp, ContributionsProcess.KEY);
    complete(task(ContributionsProcess.Elements.CONTRIBUTE, contributions),
        Map.of(ContributionsProcess.ANSWER.getName(), "Oui, aide départementale au permis."));
    execute(job(ContributionsProcess.Elements.GATHER, contributions));

    Task third = task(Elements.HOLD_MILESTONE, followUp);
    assertThat(third).hasName("Point d'étape n° 3 – Amina Diallo");
    assertThat(followUp).variables().containsEntry(ContributionsProcess.SUMMARY.getName(),
        "Département de Vaucluse – Grand Avignon : Oui, aide départementale au permis.");

    // a four-month contract is no sustainable job
    assertThatThrownBy(() -> Steps.holdMilestone(followUp, Map.of(DECISION.getName(), "EXIT",
        ParcoursProcess.EXIT_REASON.getName(), "SUSTAINABLE_JOB", JOB_DURATION_MONTHS, 4L)))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("6 mois ou plus");
    assertThatThrownBy(() -> Steps.holdMilestone(followUp, Map.of(DECISION.getName(), "EXIT")))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("motif de la sortie");

    Steps.holdMilestone(followUp, Map.of(DECISION.getName(), "EXIT",
        ParcoursProcess.EXIT_REASON.getName(), "SUSTAINABLE_JOB", JOB_DURATION_MONTHS, 6L));

    assertThat(followUp).hasPassed(Elements.EXIT_DECLARED).isEnded();
    org.assertj.core.api.Assertions.assertThat(historic(followUp.getId(), ParcoursProcess.FOLLOW_UP_RESULT.getName())).isEqualTo(EXIT);
  }

  @Test
  void anImmersionProposedAtAMilestoneEndsTheParcoursWhenTheCompanyHiresForGood() {
    ProcessInstance followUp = start("PROFESSIONNEL");

    Steps.holdMilestone(followUp, Map.of(DECISION.getName(), "IMMERSION"));

    assertThat(followUp).isWaitingAt(Elements.IMMERSION);
    ProcessInstance immersion = Steps.called(followUp, ImmersionProcess.KEY);
    assertThat(task(ImmersionProcess.Elements.REQUEST, immersion)).isAssignedTo("karim.benali");
    Immersions.requestAndSendLinks(immersion, Immersions.request("2026-11-16", "2026-11-27"));
    Immersions.signAndValidate(immersion);
    Immersions.endImmersion(immersion, 2026, 11, 27);
    Immersions.reviewByLink(immersion, Immersions.review("COMPLETED", "FIXED_TERM", 6, false, null));

    assertThat(followUp).hasPassed(Elements.HIRED_AFTER_IMMERSION).isEnded();
    org.assertj.core.api.Assertions.assertThat(historic(followUp.getId(), ParcoursProcess.FOLLOW_UP_RESULT.getName())).isEqualTo(EXIT);
    org.assertj.core.api.Assertions.assertThat(historic(followUp.getId(), ParcoursProcess.EXIT_REASON.getName()))
        .isEqualTo(ExitReason.SUSTAINABLE_JOB.name());
    org.assertj.core.api.Assertions.assertThat((String) historic(followUp.getId(), ImmersionProcess.RECORD.getName()))
        .endsWith("embauche envisagée en CDD de 6 mois.");
  }

  @Test
  void anImmersionGivenUpLeadsToTheNextMilestone() {
    ProcessInstance followUp = start("SOCIO_PROFESSIONNEL");
    Steps.holdMilestone(followUp, Map.of(DECISION.getName(), "IMMERSION"));

    complete(task(ImmersionProcess.Elements.REQUEST, Steps.called(followUp, ImmersionProcess.KEY)),
        Map.of(ImmersionProcess.REQUEST_DECISION.getName(), "WITHDRAW"));

    assertThat(task(Elements.HOLD_MILESTONE, followUp)).hasName("Point d'étape n° 2 – Amina Diallo");
  }

  @Test
  void theSocialPathHasAJointRediagnosisAtSixMonthsThenMayAskForAReorientation() {
    ProcessInstance followUp = start("SOCIAL");
    assertThat(task(Elements.HOLD_MILESTONE, followUp)).hasDueDate(at(2027, 1, 2, 10, 0));
    Steps.holdMilestone(followUp, Map.of(DECISION.getName(), "CONTINUE"));
    Steps.holdMilestone(followUp, Map.of(DECISION.getName(), "CONTINUE"));

    Task rediagnosis = task(Elements.HOLD_JOINT_REDIAGNOSIS, followUp);
    assertThat(rediagnosis).isAssignedTo("karim.benali").hasName("Rediagnostic conjoint – Amina Diallo");
    VariableMap regraded = Steps.diagnosis(false, Map.of("barrierHousing", "MEDIUM"));
    regraded.putValue(ACTIONS_PROGRESS.getName(), "Relogée en résidence sociale.");
    regraded.putValue(DECISION.getName(), "REORIENT");
    assertThatThrownBy(() -> complete(rediagnosis, regraded))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("réorientation");

    regraded.putValue(REORIENTATION_REASON.getName(), "Prête pour un parcours vers l'emploi.");
    complete(rediagnosis, regraded);

    assertThat(followUp).hasPassed(Elements.REORIENTATION_REQUESTED).isEnded();
    org.assertj.core.api.Assertions.assertThat(historic(followUp.getId(), DiagnosticProcess.MEDIUM_BARRIERS.getName())).isEqualTo(1);
    org.assertj.core.api.Assertions.assertThat(historic(followUp.getId(), ParcoursProcess.FOLLOW_UP_RESULT.getName()))
        .isEqualTo(REORIENTATION);
  }

  @ParameterizedTest
  @EnumSource(value = ExitReason.class, names = {"QUALIFYING_TRAINING", "MOVED_AWAY", "ABANDONMENT"})
  void everyOtherExitIsDeclaredWithItsReason(ExitReason reason) {
    ProcessInstance followUp = start("SOCIO_PROFESSIONNEL");

    Steps.holdMilestone(followUp, Map.of(DECISION.getName(), "EXIT", ParcoursProcess.EXIT_REASON.getName(), reason.name()));

    assertThat(followUp).hasPassed(Elements.EXIT_DECLARED).isEnded();
    org.assertj.core.api.Assertions.assertThat(historic(followUp.getId(), ParcoursProcess.FOLLOW_UP_RESULT.getName())).isEqualTo(EXIT);
    org.assertj.core.api.Assertions.assertThat(historic(followUp.getId(), ParcoursProcess.EXIT_REASON.getName())).isEqualTo(reason.name());
  }

  @Test
  void theEndOfRsaRightsIsNoExitAReferentDeclares() {
    ProcessInstance followUp = start("SOCIAL");

    assertThatThrownBy(() -> Steps.holdMilestone(followUp, Map.of(DECISION.getName(), "EXIT",
        ParcoursProcess.EXIT_REASON.getName(), ExitReason.RSA_RIGHTS_ENDED.name())))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("motif de la sortie");
  }

  @Test
  void aMilestoneWithoutProgressOrWithoutDecisionIsRefused() {
    ProcessInstance followUp = start("SOCIO_PROFESSIONNEL");
    Task milestone = task(Elements.HOLD_MILESTONE, followUp);

    assertThatThrownBy(() -> complete(milestone, Variables.createVariables().putValue(DECISION.getName(), "CONTINUE")))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("avancement des actions");
    assertThatThrownBy(() -> complete(milestone, Variables.createVariables().putValue(ACTIONS_PROGRESS.getName(), "ok")))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("suite du parcours");
    assertThatThrownBy(() -> Steps.holdMilestone(followUp, Map.of(DECISION.getName(), "CONTRIBUTIONS")))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("au moins une structure");

    assertThat(followUp).isWaitingAt(Elements.HOLD_MILESTONE);
    assertThat(task(Elements.HOLD_MILESTONE, followUp)).hasDueDate(at(2027, 1, 2, 10, 0));
  }

  @Test
  void aMilestoneOpensEmptyAndReadsOnlyWhatItsFormSent() {
    VariableMap diagnostic = person("parcours-1", EntryChannel.CAF, "84000");
    ProcessTestSupport.ledByKarim(processEngine.getIdentityService(), diagnostic);
    diagnostic.putValue(OrientationProcess.ORIENTATION_PATH.getName(), "SOCIAL");
    // the contributions the diagnostic asked for, months ago
    diagnostic.putValue(ContributionRequests.REQUESTED_TYPES, SpinValues.jsonValue("[\"CCAS\", \"PLIE\"]").create());
    diagnostic.putValue(ContributionsProcess.BARRIER.getName(), "HOUSING");
    diagnostic.putValue(ContributionsProcess.QUESTION.getName(), "Une solution de logement d'urgence ?");
    diagnostic.putValue("barrierHousing", "STRONG");
    ProcessInstance followUp = processEngine.getRuntimeService().startProcessInstanceByKey(KEY, "parcours-1", diagnostic);

    assertThatThrownBy(() -> Steps.holdMilestone(followUp, Map.of(DECISION.getName(), "CONTRIBUTIONS")))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("au moins une structure");

    Steps.holdMilestone(followUp, Map.of(DECISION.getName(), "CONTINUE", BARRIERS_PROGRESS.getName(), "Logement trouvé."));
    Task next = task(Elements.HOLD_MILESTONE, followUp);
    org.assertj.core.api.Assertions.assertThat(processEngine.getFormService().getTaskFormVariables(next.getId()).keySet())
        .doesNotContain(ACTIONS_PROGRESS.getName(), BARRIERS_PROGRESS.getName(), DECISION.getName(), ContributionRequests.REQUESTED_TYPES)
        .contains("barrierHousing");
    Steps.holdMilestone(followUp, Map.of(DECISION.getName(), "CONTINUE"));

    Task rediagnosis = task(Elements.HOLD_JOINT_REDIAGNOSIS, followUp);
    org.assertj.core.api.Assertions.assertThat(processEngine.getFormService().getTaskFormVariables(rediagnosis.getId()).keySet())
        .doesNotContain(ACTIONS_PROGRESS.getName(), DECISION.getName());
    VariableMap regraded = Steps.diagnosis(false, Map.of());
    regraded.putValue(DECISION.getName(), "CONTINUE");
    assertThatThrownBy(() -> complete(rediagnosis, regraded))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("avancement des actions");
  }

  @Test
  void aMilestoneReminderThatCannotLeaveIsTriedAgainTenMinutesLaterThenBecomesAnIncident() {
    var identity = processEngine.getIdentityService();
    ProcessTestSupport.user(identity, "referent.sans.adresse", "structure-ft-avignon");
    org.camunda.bpm.engine.identity.User withoutAddress = identity.createUserQuery().userId("referent.sans.adresse").singleResult();
    withoutAddress.setEmail(null);
    identity.saveUser(withoutAddress);
    VariableMap variables = person("parcours-1", EntryChannel.CAF, "84000");
    ProcessTestSupport.ledByKarim(identity, variables);
    variables.putValue(ParcoursProcess.LEAD_REFERENT.getName(), "referent.sans.adresse");
    variables.putValue(OrientationProcess.ORIENTATION_PATH.getName(), "SOCIO_PROFESSIONNEL");
    ProcessInstance followUp = processEngine.getRuntimeService().startProcessInstanceByKey(KEY, "parcours-1", variables);
    var management = processEngine.getManagementService();
    org.camunda.bpm.engine.runtime.Job reminder = management.createJobQuery().processInstanceId(followUp.getId()).timers()
        .orderByJobDuedate().asc().list().get(0);

    for (int attempt = 1; attempt <= 5; attempt++) {
      java.util.Date due = management.createJobQuery().jobId(reminder.getId()).singleResult().getDuedate();
      org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(due);
      assertThatThrownBy(() -> management.executeJob(reminder.getId())).hasMessageContaining("referent.sans.adresse");
      org.camunda.bpm.engine.runtime.Job failed = management.createJobQuery().jobId(reminder.getId()).singleResult();
      org.assertj.core.api.Assertions.assertThat(failed.getRetries()).isEqualTo(5 - attempt);
      if (attempt < 5) {
        org.assertj.core.api.Assertions.assertThat(failed.getDuedate()).isEqualTo(new java.util.Date(due.getTime() + 10 * 60 * 1000));
      }
    }
    org.assertj.core.api.Assertions.assertThat(processEngine.getRuntimeService().createIncidentQuery()
        .processInstanceId(followUp.getId()).count()).isEqualTo(1);
    assertThat(followUp).isWaitingAt(Elements.HOLD_MILESTONE);
  }

  private ProcessInstance start(String path) {
    VariableMap variables = person("parcours-1", EntryChannel.CAF, "84000");
    ProcessTestSupport.ledByKarim(processEngine.getIdentityService(), variables);
    variables.putValue(OrientationProcess.ORIENTATION_PATH.getName(), path);
    return processEngine.getRuntimeService().startProcessInstanceByKey(KEY, "parcours-1", variables);
  }
}
