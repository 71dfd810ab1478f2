package fr.sanscouture.parcours;

import static fr.sanscouture.parcours.ParcoursProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import fr.sanscouture.TestMail;
import fr.sanscouture.TestTerritory;
import fr.sanscouture.reception.PrepareReceptionDelegate;
import fr.sanscouture.reception.ReceptionCompletionListener;
import fr.sanscouture.reception.ReceptionOrganisationDecision;
import fr.sanscouture.reception.SendInvitationDelegate;
import fr.sanscouture.territory.Territory;
import io.holunda.camunda.bpm.data.CamundaBpmData;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageInMemProcessEngineConfiguration;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The first slice of the parcours, walked wait state by wait state on an engine of its own. */
@Deployment(resources = {RESOURCE, ReceptionOrganisationDecision.RESOURCE, "forms/reception.form"})
class ParcoursProcessTest {

  private static final ZoneId FRANCE = ZoneId.of("Europe/Paris");
  private static final Map<Object, Object> BEANS = new HashMap<>();

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder(engineConfiguration())
      .assertClassCoverageAtLeast(1.0)
      .build();

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private final Territory territory = TestTerritory.load();
  private final List<String> releasedParcours = new ArrayList<>();
  private ProcessEngine processEngine;

  private static ProcessCoverageInMemProcessEngineConfiguration engineConfiguration() {
    ProcessCoverageInMemProcessEngineConfiguration configuration = new ProcessCoverageInMemProcessEngineConfiguration();
    configuration.setProcessEngineName("parcours-process-test");
    configuration.setJdbcUrl("jdbc:h2:mem:parcours-process-test;DB_CLOSE_DELAY=1000");
    configuration.setJobExecutorActivate(false);
    configuration.setHistory("full");
    configuration.setBeans(BEANS);
    return configuration;
  }

  @BeforeEach
  void wireDelegates() {
    BEANS.put("prepareReceptionDelegate", new PrepareReceptionDelegate(territory));
    BEANS.put("sendInvitationDelegate", new SendInvitationDelegate(TestMail.mailer(smtp.getSmtp().getPort()), territory));
    BEANS.put("receptionCompletionListener", new ReceptionCompletionListener(territory));
    BEANS.put("releaseParcoursListener", (ExecutionListener) execution -> releasedParcours.add(PARCOURS_ID.from(execution).get()));
    processEngine = engine.getProcessEngine();
    BpmnAwareTests.init(processEngine);
    ClockUtil.setCurrentTime(at(2026, 11, 2, 10, 0));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aPersonEnteringThroughTheCafIsInvitedAndReceivedByTheDepartementOfTheirBassin() throws Exception {
    // given a person of Avignon whose RSA right the CAF notified
    ProcessInstance parcours = start("parcours-caf", EntryChannel.CAF, "84000");

    // then the reception waits in the inbox of the Département for Grand Avignon, due one month after entry
    assertThat(parcours).isWaitingAt(Elements.HOLD_RECEPTION, Elements.SEND_INVITATION)
        .hasPassed(Elements.DECIDE_RECEPTION_ORGANISATION, Elements.PREPARE_RECEPTION)
        .variables()
        .containsEntry(RECEPTION_ORGANISATION_TYPE.getName(), "DEPARTEMENT")
        .containsEntry(RECEPTION_ORGANISATION.getName(), "structure-dept-grand-avignon")
        .containsEntry(EMPLOYMENT_AREA.getName(), "grand-avignon");
    Task reception = task(Elements.HOLD_RECEPTION, parcours);
    assertThat(reception).hasName("Accueil – Amina Diallo")
        .hasCandidateGroup("structure-dept-grand-avignon")
        .hasDueDate(at(2026, 12, 2, 10, 0))
        .hasDescription("Recevoir la personne en entretien individuel d'accueil, puis indiquer si elle a été reçue, "
            + "absente ou excusée. L'accueil a lieu dans le mois qui suit l'entrée dans le parcours.")
        .isNotAssigned();
    assertThat(processEngine.getTaskService().getIdentityLinksForTask(reception.getId()))
        .describedAs("only the structure of the bassin may take it")
        .extracting(IdentityLink::getGroupId).containsExactly("structure-dept-grand-avignon");

    // and its Camunda Form, from forms/, is the one of the same deployment
    Task withForm = processEngine.getTaskService().createTaskQuery().taskId(reception.getId()).initializeFormKeys().singleResult();
    assertThat(withForm.getCamundaFormRef().getKey()).isEqualTo("reception");
    assertThat(withForm.getCamundaFormRef().getBinding()).isEqualTo("deployment");
    try (InputStream form = processEngine.getFormService().getDeployedTaskForm(reception.getId())) {
      assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8))
          .contains("\"id\": \"reception\"", "\"key\": \"receptionOutcome\"", "Issue de l'accueil");
    }

    // and no mail left before the invitation job ran
    assertThat(smtp.getReceivedMessages()).isEmpty();

    // when the job executor sends the invitation
    execute(job(Elements.SEND_INVITATION, parcours));

    // then the person received it, naming the structure, the deadline and the parcours
    MimeMessage[] mails = smtp.getReceivedMessages();
    assertThat(mails).hasSize(1);
    assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("amina.diallo@exemple.example");
    assertThat(mails[0].getSubject()).isEqualTo("Votre accueil dans le Réseau pour l'emploi");
    assertThat(mails[0].getFrom()[0].toString()).contains("ne-pas-repondre@sans-couture.example");
    assertThat(String.valueOf(mails[0].getContent()))
        .contains("Amina Diallo", "Département de Vaucluse – Grand Avignon", "02/12/2026", "parcours-caf");

    // and the branch ends after its own async boundary, so a later failure never resends the mail
    assertThat(parcours).isWaitingAt(Elements.HOLD_RECEPTION, Elements.SEND_INVITATION);
    execute(job(Elements.SEND_INVITATION, parcours));
    assertThat(parcours).hasPassed(Elements.INVITATION_SENT).isWaitingAt(Elements.HOLD_RECEPTION);
    assertThat(smtp.getReceivedMessages()).hasSize(1);

    // when the referent records that the person was seen
    ClockUtil.setCurrentTime(at(2026, 11, 20, 9, 0));
    complete(reception, withVariables(
        RECEPTION_OUTCOME.getName(), "SEEN", RECEPTION_DATE.getName(), "2026-11-19",
        RECEPTION_NOTES.getName(), "Projet dans la logistique."));

    // then the slice ends and the person may enter a new parcours
    assertThat(parcours).hasPassed(Elements.RECEPTION_HELD).isEnded()
        .variables().containsEntry(RECEPTION_OUTCOME.getName(), "SEEN");
    assertThat(releasedParcours).containsExactly("parcours-caf");
  }

  @Test
  void aPersonRegisteredAtFranceTravailIsReceivedByTheAgencyOfTheirBassin() {
    ProcessInstance parcours = start("parcours-ft", EntryChannel.FRANCE_TRAVAIL, "84100");

    assertThat(task(Elements.HOLD_RECEPTION, parcours)).hasCandidateGroup("structure-ft-orange");
  }

  @Test
  void aReceptionWithoutOutcomeIsRefusedInFrenchAndTheTaskStaysOpen() {
    ProcessInstance parcours = start("parcours-incomplet", EntryChannel.MISSION_LOCALE, "84300");
    Task reception = task(Elements.HOLD_RECEPTION, parcours);
    assertThat(reception).hasCandidateGroup("structure-ml-sud-vaucluse");

    assertThatThrownBy(() -> complete(reception, withVariables(RECEPTION_DATE.getName(), "2026-11-02")))
        .hasRootCauseInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("Indiquez l'issue de l'accueil");

    assertThat(parcours).isWaitingAt(Elements.HOLD_RECEPTION);
    assertThat(processEngine.getTaskService().getVariable(reception.getId(), RECEPTION_DATE.getName())).isNull();
  }

  @Test
  void aReceptionDatedBeforeTheEntryOrInTheFutureIsRefused() {
    ProcessInstance parcours = start("parcours-dates", EntryChannel.CAP_EMPLOI, "84200");
    Task reception = task(Elements.HOLD_RECEPTION, parcours);

    assertThatThrownBy(() -> complete(reception, withVariables(
        RECEPTION_OUTCOME.getName(), "NO_SHOW", RECEPTION_DATE.getName(), "2026-11-03")))
        .hasRootCauseInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("entre l'entrée dans le parcours (02/11/2026) et aujourd'hui");
    assertThatThrownBy(() -> complete(reception, withVariables(
        RECEPTION_OUTCOME.getName(), "NO_SHOW", RECEPTION_DATE.getName(), "2026-10-30")))
        .hasRootCauseInstanceOf(BadUserRequestException.class);
    assertThatThrownBy(() -> complete(reception, withVariables(
        RECEPTION_OUTCOME.getName(), "PARTI", RECEPTION_DATE.getName(), "2026-11-02")))
        .hasRootCauseInstanceOf(BadUserRequestException.class);

    assertThat(parcours).isWaitingAt(Elements.HOLD_RECEPTION);
  }

  private ProcessInstance start(String parcoursId, EntryChannel channel, String postcode) {
    return processEngine.getRuntimeService().startProcessInstanceByKey(KEY, parcoursId, CamundaBpmData.builder()
        .set(PARCOURS_ID, parcoursId)
        .set(ENTRY_CHANNEL, channel.name())
        .set(ENTRY_DATE, ClockUtil.getCurrentTime())
        .set(PERSON_FIRST_NAME, "Amina")
        .set(PERSON_LAST_NAME, "Diallo")
        .set(PERSON_BIRTH_DATE, Date.from(LocalDate.of(1988, 3, 14).atStartOfDay(FRANCE).toInstant()))
        .set(PERSON_EMAIL, "amina.diallo@exemple.example")
        .set(POSTCODE, postcode)
        .set(EMPLOYMENT_AREA, territory.areaOfPostcode(postcode).orElseThrow().code())
        .build());
  }

  private static Date at(int year, int month, int day, int hour, int minute) {
    return Date.from(LocalDateTime.of(year, month, day, hour, minute).atZone(FRANCE).toInstant());
  }
}
