package fr.sanscouture.reception;

import static fr.sanscouture.ProcessTestSupport.at;
import static fr.sanscouture.ProcessTestSupport.person;
import static fr.sanscouture.reception.ReceptionProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import fr.sanscouture.ProcessTestBase;
import fr.sanscouture.ProcessTestSupport;
import fr.sanscouture.Steps;
import fr.sanscouture.inbox.Urgency;
import fr.sanscouture.parcours.EntryChannel;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The reception, scenario by scenario, with the engine's clock. */
@Deployment(resources = {RESOURCE, ReceptionOrganisationDecision.RESOURCE, "forms/reception-appointment.form",
    "forms/reception.form", "forms/reception-review.form"})
class ReceptionProcessTest extends ProcessTestBase {

  private static final String DEPT_AVIGNON = "structure-dept-grand-avignon";

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension
      .builder(ProcessTestSupport.engine("reception-test", BEANS))
      .assertClassCoverageAtLeast(0.9)
      .build();

  @Override
  protected ProcessEngine engine() {
    return engine.getProcessEngine();
  }

  @BeforeEach
  void users() {
    ProcessTestSupport.user(processEngine.getIdentityService(), "anne.petit", DEPT_AVIGNON, "role-responsable");
    ProcessTestSupport.user(processEngine.getIdentityService(), "claire.martin", DEPT_AVIGNON, "role-referent");
  }

  @Test
  void aPersonIsInvitedGivenAnAppointmentRemindedAndReceived() throws Exception {
    // given a person of Avignon whose RSA right the CAF notified
    ProcessInstance reception = start(EntryChannel.CAF, "84000");

    // then the Département for Grand Avignon plans the reception, due one month after entry, while the invitation is mailed
    assertThat(reception).isWaitingAt(Elements.PLAN_APPOINTMENT, Elements.SEND_INVITATION)
        .hasPassed(Elements.DECIDE_RECEPTION_ORGANISATION, Elements.PREPARE_RECEPTION)
        .variables()
        .containsEntry(RECEPTION_ORGANISATION_TYPE.getName(), "DEPARTEMENT")
        .containsEntry(RECEPTION_ORGANISATION.getName(), DEPT_AVIGNON)
        .containsEntry(RECEPTION_STATUS.getName(), "INVITED");
    Task planning = task(Elements.PLAN_APPOINTMENT, reception);
    assertThat(planning).hasName("Planifier l'accueil – Amina Diallo").hasCandidateGroup(DEPT_AVIGNON)
        .hasDueDate(at(2026, 12, 2, 10, 0)).isNotAssigned();
    assertOnlyCandidate(planning, DEPT_AVIGNON);
    assertForm(planning, "reception-appointment");
    // it says what to do and by when, and is to be taken up two business days before it is due
    assertThat(planning.getDescription()).startsWith("Convenir avec la personne de la date et du lieu")
        .endsWith("\n\nÀ faire au plus tard le mercredi 2 décembre 2026.");
    assertThat(planning.getFollowUpDate()).isEqualTo(at(2026, 11, 30, 8, 0));
    assertThat(planning.getPriority()).isEqualTo(Urgency.NORMAL.priority());

    Steps.runJobs(reception, Elements.SEND_INVITATION);
    assertThat(reception).hasPassed(Elements.INVITATION_SENT).isWaitingAt(Elements.PLAN_APPOINTMENT);
    assertThat(mailsTo("amina.diallo@exemple.example")).containsExactly("Votre accueil dans le Réseau pour l'emploi");
    assertThat(body(0)).contains("Amina Diallo", "Département de Vaucluse – Grand Avignon", "02/12/2026", "parcours-1");

    // when the structure plans the appointment on 10 November at 14:00
    complete(planning, withVariables(APPOINTMENT.getName(), "2026-11-10T14:00+01:00",
        APPOINTMENT_PLACE.getName(), "EDeS d'Avignon, 12 rue de la République"));

    // then the reception is due at the appointment, and the person will be reminded two days before
    assertThat(reception).isWaitingAt(Elements.HOLD_RECEPTION).variables()
        .containsEntry(RECEPTION_STATUS.getName(), "APPOINTMENT_PLANNED")
        .containsEntry(APPOINTMENT_AT.getName(), at(2026, 11, 10, 14, 0))
        .containsEntry(APPOINTMENT_REMINDER_AT.getName(), at(2026, 11, 8, 14, 0));
    Task holding = task(Elements.HOLD_RECEPTION, reception);
    assertThat(holding).hasName("Accueil – Amina Diallo").hasCandidateGroup(DEPT_AVIGNON).hasDueDate(at(2026, 11, 10, 14, 0));
    assertThat(holding.getDescription()).endsWith("À faire au plus tard le mardi 10 novembre 2026.");
    // two business days before Tuesday 10 November: Friday 6 November
    assertThat(holding.getFollowUpDate()).isEqualTo(at(2026, 11, 6, 8, 0));
    assertThat(timer(reception, Elements.APPOINTMENT_REMINDER).getDuedate()).isEqualTo(at(2026, 11, 8, 14, 0));

    // when two days before the appointment come
    ClockUtil.setCurrentTime(at(2026, 11, 8, 14, 1));
    execute(timer(reception, Elements.APPOINTMENT_REMINDER));
    Steps.runJob(reception, Elements.SEND_APPOINTMENT_REMINDER);

    // then the person is reminded of the date and place
    assertThat(mailsTo("amina.diallo@exemple.example")).containsExactly(
        "Votre accueil dans le Réseau pour l'emploi", "Rappel : votre rendez-vous d'accueil");
    assertThat(body(1)).contains("10/11/2026 à 14:00", "12 rue de la République", "parcours-1");

    // when the referent records that she was seen
    ClockUtil.setCurrentTime(at(2026, 11, 10, 15, 0));
    complete(holding, withVariables(RECEPTION_OUTCOME.getName(), "SEEN", RECEPTION_DATE.getName(), "2026-11-10"));

    // then the reception ends with the person received, nothing left behind
    assertThat(reception).hasPassed(Elements.PERSON_RECEIVED).isEnded();
    assertThat(historic(reception.getId(), RECEPTION_RESULT.getName())).isEqualTo(RECEIVED);
    assertThat(processEngine.getManagementService().createJobQuery().processInstanceId(reception.getId()).count()).isZero();
  }

  @Test
  void withoutAnAppointmentAfterThreeDaysThePersonIsReminded() throws Exception {
    ProcessInstance reception = start(EntryChannel.FRANCE_TRAVAIL, "84100");
    Steps.runJobs(reception, Elements.SEND_INVITATION);
    assertThat(task(Elements.PLAN_APPOINTMENT, reception)).hasCandidateGroup("structure-ft-orange");
    assertThat(timer(reception, Elements.PLANNING_REMINDER).getDuedate()).isEqualTo(at(2026, 11, 5, 10, 0));

    ClockUtil.setCurrentTime(at(2026, 11, 5, 10, 1));
    execute(timer(reception, Elements.PLANNING_REMINDER));
    Steps.runJob(reception, Elements.SEND_PLANNING_REMINDER);

    assertThat(mailsTo("amina.diallo@exemple.example")).containsExactly(
        "Votre accueil dans le Réseau pour l'emploi", "Rappel : votre accueil dans le Réseau pour l'emploi");
    assertThat(body(1)).contains("France Travail Orange", "02/12/2026");
    assertThat(reception).isWaitingAt(Elements.PLAN_APPOINTMENT);
  }

  @Test
  void aReceptionNotHeldWithinAMonthIsMarkedExpiredAndGoesOn() {
    ProcessInstance reception = start(EntryChannel.MSA, "84400");
    Steps.runJobs(reception, Elements.SEND_INVITATION);

    ClockUtil.setCurrentTime(at(2026, 12, 2, 10, 1));
    execute(timer(reception, Elements.DEADLINE_WHILE_PLANNING));

    assertThat(reception).hasPassed(Elements.MARK_RECEPTION_EXPIRED).isWaitingAt(Elements.PLAN_APPOINTMENT)
        .variables().containsEntry(RECEPTION_STATUS.getName(), "EXPIRED");

    complete(task(Elements.PLAN_APPOINTMENT, reception), withVariables(APPOINTMENT.getName(), "2026-12-05T09:30",
        APPOINTMENT_PLACE.getName(), "par téléphone"));
    assertThat(timer(reception, Elements.DEADLINE_WHILE_HOLDING).getDuedate()).isEqualTo(at(2026, 12, 2, 10, 0));
    execute(timer(reception, Elements.DEADLINE_WHILE_HOLDING));
    assertThat(reception).isWaitingAt(Elements.HOLD_RECEPTION).variables()
        .containsEntry(RECEPTION_STATUS.getName(), "EXPIRED")
        .containsEntry(APPOINTMENT_AT.getName(), at(2026, 12, 5, 9, 30));
  }

  @Test
  void anExcusedPersonIsGivenANewAppointment() {
    ProcessInstance reception = start(EntryChannel.CAF, "84000");
    Steps.runJobs(reception, Elements.SEND_INVITATION);
    plan(reception, "2026-11-09T10:00+01:00");

    ClockUtil.setCurrentTime(at(2026, 11, 9, 12, 0));
    complete(task(Elements.HOLD_RECEPTION, reception),
        withVariables(RECEPTION_OUTCOME.getName(), "EXCUSED", RECEPTION_DATE.getName(), "2026-11-09"));

    assertThat(reception).isWaitingAt(Elements.PLAN_APPOINTMENT).variables()
        .containsEntry(RECEPTION_STATUS.getName(), "EXCUSED").doesNotContainKey(NO_SHOW_COUNT.getName());
    assertThat(processEngine.getManagementService().createJobQuery().activityId(Elements.SEND_INVITATION).count()).isZero();
  }

  @Test
  void afterThreeAbsencesTheResponsableDecidesAndMayCloseTheParcours() {
    ProcessInstance reception = start(EntryChannel.CAF, "84000");
    Steps.runJobs(reception, Elements.SEND_INVITATION);

    // two absences: a new invitation each time
    for (int absence = 1; absence <= 2; absence++) {
      noShow(reception, "2026-11-0" + (2 + absence) + "T10:00+01:00");
      assertThat(reception).hasPassed(Elements.RECORD_NO_SHOW).isWaitingAt(Elements.PLAN_APPOINTMENT, Elements.SEND_INVITATION)
          .variables().containsEntry(NO_SHOW_COUNT.getName(), absence).containsEntry(RECEPTION_STATUS.getName(), "NO_SHOW");
      Steps.runJobs(reception, Elements.SEND_INVITATION);
    }
    assertThat(mailsTo("amina.diallo@exemple.example")).hasSize(3);

    // the third: the responsable de structure decides
    noShow(reception, "2026-11-05T10:00+01:00");
    Steps.runJob(reception, Elements.REFER_TO_MANAGER);
    Task review = task(Elements.REVIEW_RECEPTION, reception);
    assertThat(review).hasName("Accueil sans suite – Amina Diallo").hasCandidateUser("anne.petit");
    assertThat(processEngine.getTaskService().getIdentityLinksForTask(review.getId()))
        .extracting(IdentityLink::getUserId).containsExactly("anne.petit");
    assertForm(review, "reception-review");

    assertThatThrownBy(() -> complete(review, withVariables(REVIEW_DECISION.getName(), CLOSE)))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("motif de la clôture");
    assertThatThrownBy(() -> complete(review, withVariables(REVIEW_DECISION.getName(), "PEUT-ETRE")))
        .hasRootCauseInstanceOf(BadUserRequestException.class);
    assertThat(reception).isWaitingAt(Elements.REVIEW_RECEPTION);

    complete(review, withVariables(REVIEW_DECISION.getName(), CLOSE, REVIEW_REASON.getName(), "Injoignable depuis un mois"));

    assertThat(reception).hasPassed(Elements.RECEPTION_ABANDONED).isEnded();
    assertThat(historic(reception.getId(), RECEPTION_RESULT.getName())).isEqualTo(ABANDONED);
  }

  @Test
  void theResponsableMayInviteOnceMore() {
    ProcessInstance reception = start(EntryChannel.CAF, "84000");
    Steps.runJobs(reception, Elements.SEND_INVITATION);
    for (int absence = 1; absence <= 3; absence++) {
      noShow(reception, "2026-11-0" + (2 + absence) + "T10:00+01:00");
      if (absence < 3) {
        Steps.runJobs(reception, Elements.SEND_INVITATION);
      }
    }
    Steps.runJob(reception, Elements.REFER_TO_MANAGER);

    complete(task(Elements.REVIEW_RECEPTION, reception), withVariables(REVIEW_DECISION.getName(), INVITE_AGAIN));

    assertThat(reception).isWaitingAt(Elements.PLAN_APPOINTMENT, Elements.SEND_INVITATION);
  }

  @Test
  void aStructureWithoutResponsableHasItsReceptionReviewedByTheAnimateurOfTheBassin() {
    ProcessTestSupport.user(processEngine.getIdentityService(), "julie.animatrice", "bassin-sud-vaucluse", "role-animateur");
    ProcessInstance reception = thirdNoShowAtCapEmploi();

    assertThat(reception).isWaitingAt(Elements.REVIEW_RECEPTION);
    assertThat(task(Elements.REVIEW_RECEPTION, reception)).hasCandidateUser("julie.animatrice");
  }

  @Test
  void withoutResponsableNorAnimateurTheDirectionReviewsTheReception() {
    processEngine.getIdentityService().deleteUser("julie.animatrice");
    ProcessTestSupport.user(processEngine.getIdentityService(), "isabelle.renard", "role-direction");
    ProcessInstance reception = thirdNoShowAtCapEmploi();

    assertThat(task(Elements.REVIEW_RECEPTION, reception)).hasCandidateUser("isabelle.renard");
  }

  @Test
  void withNobodyToAnswerTheReceptionWaitsOnAnIncidentNamingWhoIsMissing() {
    processEngine.getIdentityService().deleteUser("julie.animatrice");
    processEngine.getIdentityService().deleteUser("isabelle.renard");
    ProcessInstance reception = twoNoShowsAtCapEmploi();

    // the référent's step itself succeeds: the staffing of the structure is not theirs to answer for
    noShow(reception, "2026-11-05T10:00+01:00");

    Job referral = processEngine.getManagementService().createJobQuery().processInstanceId(reception.getId())
        .activityId(Elements.REFER_TO_MANAGER).singleResult();
    assertThatThrownBy(() -> processEngine.getManagementService().executeJob(referral.getId()))
        .hasMessageContaining("Personne pour revoir l'accueil : structure-capemploi-84 n'a pas de responsable");
    assertThat(reception).isWaitingAt(Elements.REFER_TO_MANAGER);
  }

  /** A person of Cavaillon (bassin Sud Vaucluse) absent twice from Cap emploi's reception, invited a third time. */
  private ProcessInstance twoNoShowsAtCapEmploi() {
    ProcessInstance reception = start(EntryChannel.CAP_EMPLOI, "84300");
    Steps.runJobs(reception, Elements.SEND_INVITATION);
    noShow(reception, "2026-11-03T10:00+01:00");
    Steps.runJobs(reception, Elements.SEND_INVITATION);
    noShow(reception, "2026-11-04T10:00+01:00");
    Steps.runJobs(reception, Elements.SEND_INVITATION);
    return reception;
  }

  /** A person of Cavaillon (bassin Sud Vaucluse) absent three times from Cap emploi's reception, which has no responsable. */
  private ProcessInstance thirdNoShowAtCapEmploi() {
    ProcessInstance reception = twoNoShowsAtCapEmploi();
    noShow(reception, "2026-11-05T10:00+01:00");
    Steps.runJob(reception, Elements.REFER_TO_MANAGER);
    return reception;
  }

  @Test
  void anAppointmentNeedsAFutureDateAndAPlace() {
    ProcessInstance reception = start(EntryChannel.CAF, "84000");
    Task planning = task(Elements.PLAN_APPOINTMENT, reception);

    assertThatThrownBy(() -> complete(planning, withVariables(APPOINTMENT.getName(), "2026-11-01T10:00+01:00",
        APPOINTMENT_PLACE.getName(), "Avignon")))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("doit être à venir");
    assertThatThrownBy(() -> complete(planning, withVariables(APPOINTMENT.getName(), "2026-11-05T10:00+01:00",
        APPOINTMENT_PLACE.getName(), " ")))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("lieu du rendez-vous");
    assertThatThrownBy(() -> complete(planning, withVariables(APPOINTMENT.getName(), "demain",
        APPOINTMENT_PLACE.getName(), "Avignon")))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("n'est pas valide");

    assertThat(reception).isWaitingAt(Elements.PLAN_APPOINTMENT);
    assertThat(processEngine.getRuntimeService().getVariable(reception.getId(), APPOINTMENT_AT.getName())).isNull();
  }

  @Test
  void aReceptionWithoutOutcomeOrWithADateOutOfRangeIsRefused() {
    ProcessInstance reception = start(EntryChannel.MISSION_LOCALE, "84300");
    plan(reception, "2026-11-04T10:00+01:00");
    Task holding = task(Elements.HOLD_RECEPTION, reception);
    assertThat(holding).hasCandidateGroup("structure-ml-sud-vaucluse");

    assertThatThrownBy(() -> complete(holding, withVariables(RECEPTION_DATE.getName(), "2026-11-02")))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("Indiquez l'issue de l'accueil");
    assertThatThrownBy(() -> complete(holding, withVariables(RECEPTION_OUTCOME.getName(), "NO_SHOW",
        RECEPTION_DATE.getName(), "2026-11-03")))
        .hasRootCauseInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("entre l'entrée dans le parcours (02/11/2026) et aujourd'hui");
    assertThatThrownBy(() -> complete(holding, withVariables(RECEPTION_OUTCOME.getName(), "NO_SHOW",
        RECEPTION_DATE.getName(), "2026-10-30")))
        .hasRootCauseInstanceOf(BadUserRequestException.class);
    assertThatThrownBy(() -> complete(holding, withVariables(RECEPTION_OUTCOME.getName(), "PARTI",
        RECEPTION_DATE.getName(), "2026-11-02")))
        .hasRootCauseInstanceOf(BadUserRequestException.class);

    assertThat(reception).isWaitingAt(Elements.HOLD_RECEPTION);
  }

  private ProcessInstance start(EntryChannel channel, String postcode) {
    return processEngine.getRuntimeService().startProcessInstanceByKey(KEY, "parcours-1",
        person("parcours-1", channel, postcode));
  }

  private void plan(ProcessInstance reception, String appointment) {
    complete(task(Elements.PLAN_APPOINTMENT, reception),
        withVariables(APPOINTMENT.getName(), appointment, APPOINTMENT_PLACE.getName(), "Avignon"));
  }

  /** Plans an appointment on the given day, which the person misses. */
  private void noShow(ProcessInstance reception, String appointment) {
    plan(reception, appointment);
    ClockUtil.setCurrentTime(java.util.Date.from(java.time.OffsetDateTime.parse(appointment).plusHours(2).toInstant()));
    complete(task(Elements.HOLD_RECEPTION, reception), withVariables(RECEPTION_OUTCOME.getName(), "NO_SHOW",
        RECEPTION_DATE.getName(), appointment.substring(0, 10)));
  }

  private Job timer(ProcessInstance reception, String activityId) {
    return processEngine.getManagementService().createJobQuery().processInstanceId(reception.getId())
        .activityId(activityId).timers().singleResult();
  }

  private void assertOnlyCandidate(Task task, String group) {
    assertThat(processEngine.getTaskService().getIdentityLinksForTask(task.getId()))
        .extracting(IdentityLink::getGroupId).containsExactly(group);
  }

  private void assertForm(Task task, String formId) {
    Task withForm = processEngine.getTaskService().createTaskQuery().taskId(task.getId()).initializeFormKeys().singleResult();
    assertThat(withForm.getCamundaFormRef().getKey()).isEqualTo(formId);
    assertThat(withForm.getCamundaFormRef().getBinding()).isEqualTo("deployment");
  }

  private List<String> mailsTo(String address) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(mail -> ProcessTestSupport.recipients(mail).contains(address))
        .map(ProcessTestSupport::subject).toList();
  }

  private String body(int index) {
    return ProcessTestSupport.content(smtp.getReceivedMessages()[index]);
  }
}
