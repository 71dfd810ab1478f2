package fr.sanscouture.immersion;

import static fr.sanscouture.ProcessTestSupport.at;
import static fr.sanscouture.ProcessTestSupport.person;
import static fr.sanscouture.ProcessTestSupport.subject;
import static fr.sanscouture.immersion.ImmersionProcess.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import fr.sanscouture.ProcessTestBase;
import fr.sanscouture.ProcessTestSupport;
import fr.sanscouture.Steps;
import fr.sanscouture.immersion.ImmersionLinkService.LinkRefusedException;
import fr.sanscouture.immersion.ImmersionLinkService.Page;
import fr.sanscouture.immersion.ImmersionLinkService.Refusal;
import fr.sanscouture.identity.Role;
import fr.sanscouture.mail.TasklistLinks;
import fr.sanscouture.immersion.Immersions.MailedLink;
import fr.sanscouture.orientation.OrientationProcess;
import fr.sanscouture.parcours.EntryChannel;
import fr.sanscouture.parcours.ParcoursProcess;
import fr.sanscouture.privacy.AuditLog;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.HtmlUtils;

/**
 * An immersion from the référent's request to its outcome. The clock starts on Monday 2 November 2026;
 * the immersion runs from Monday 16 to Friday 27 November. Wednesday 11 November is a public holiday,
 * so 3 business days before the start is Tuesday 10.
 */
@Deployment(resources = {RESOURCE, "forms/immersion-request.form", "forms/immersion-accompanying-signature.form",
    "forms/immersion-validation.form", "forms/immersion-review.form"})
class ImmersionProcessTest extends ProcessTestBase {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension
      .builder(ProcessTestSupport.engine("immersion-test", BEANS)).assertClassCoverageAtLeast(0.95).build();

  private ImmersionLinkService links;
  private JdbcTemplate jdbc;

  @Override
  protected ProcessEngine engine() {
    return engine.getProcessEngine();
  }

  @BeforeEach
  void linkService() {
    links = Immersions.linkService(processEngine);
    jdbc = new JdbcTemplate(ProcessTestSupport.dataSource(processEngine));
  }

  @Test
  void allSignedAndValidatedTheImmersionRunsAndTheTutorsBilanAnnouncesAHiring() {
    ProcessInstance immersion = startLedByFranceTravail("parcours-hired");
    assertThat(task(Elements.REQUEST, immersion)).isAssignedTo("karim.benali").hasName("Demander une immersion – Amina Diallo");

    Immersions.requestAndSendLinks(immersion, Immersions.request("2026-11-16", "2026-11-27"));

    // France Travail prescribes: no accompanying signature, Karim validates
    assertThat(immersion).variables().containsEntry(PRESCRIBER.getName(), "structure-ft-avignon")
        .containsEntry(ACCOMPANYING_SIGNS.getName(), false).containsEntry(COMPANY_SIRET.getName(), "73282932000074")
        .containsEntry(PERIOD.getName(), "du 16 novembre 2026 au 27 novembre 2026");
    assertThat(immersion).isWaitingAt(Elements.PERSON_SIGNATURE, Elements.COMPANY_SIGNATURE, Elements.NEXT_REMINDER);
    MimeMessage[] mails = smtp.getReceivedMessages();
    Assertions.assertThat(mails).extracting(ProcessTestSupport::subject, ImmersionProcessTest::recipients).containsExactlyInAnyOrder(
        Assertions.tuple("Votre convention d'immersion à signer", "amina.diallo@exemple.example"),
        Assertions.tuple("Convention d'immersion d'Amina Diallo à signer", "paul.martin@boulangerie.example"));
    Assertions.assertThat(body(to(mails, "amina.diallo"))).contains("Bonjour Amina Diallo", "Boulangerie Martin", "Boulanger",
        "du 16 novembre 2026 au 27 novembre 2026", "35 heures", "France Travail Avignon", "Lire et signer la convention");
    Assertions.assertThat(body(to(mails, "paul.martin"))).contains("Bonjour Paul Martin", "En tant que tuteur");
    MailedLink personLink = Immersions.link(immersion, mails, "amina.diallo");
    MailedLink companyLink = Immersions.link(immersion, mails, "paul.martin");
    Assertions.assertThat(links.open(companyLink.agreementId(), companyLink.token(), Page.SIGNATURE, "test").purpose())
        .isEqualTo(ImmersionLinks.Purpose.COMPANY_SIGNATURE);

    // opening the link shows the agreement without using it up
    ImmersionLinkService.View view = links.open(personLink.agreementId(), personLink.token(), Page.SIGNATURE, "test");
    Assertions.assertThat(view.terms()).containsEntry("companyName", "Boulangerie Martin").containsEntry("personName", "Amina Diallo");
    assertThatThrownBy(() -> links.sign(personLink.agreementId(), personLink.token(), " ", true, "test"))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("nom et prénom");
    assertThatThrownBy(() -> links.sign(personLink.agreementId(), personLink.token(), "Amina Diallo", false, "test"))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("case d'acceptation");

    Immersions.signAndValidate(immersion, links, mails);
    assertThat(immersion).hasPassed(Elements.PERSON_SIGNATURE, Elements.COMPANY_SIGNATURE).hasNotPassed(Elements.SIGN_AS_ACCOMPANYING)
        .isWaitingAt(Elements.IMMERSION_ENDED).variables().containsEntry(COMPANY_SIGNATORY.getName(), "Paul Martin")
        .containsEntry(AGREEMENT_STATUS.getName(), "VALIDATED");
    assertThat(job(Elements.IMMERSION_ENDED, immersion)).hasDueDate(at(2026, 11, 27, 17, 0));
    Assertions.assertThat(status(personLink.agreementId())).isEqualTo("VALIDATED");

    purgeMails();
    Immersions.endImmersion(immersion, 2026, 11, 27);
    MimeMessage reviewMail = to(smtp.getReceivedMessages(), "paul.martin");
    Assertions.assertThat(subject(reviewMail)).isEqualTo("Bilan de l'immersion d'Amina Diallo");
    Assertions.assertThat(body(reviewMail)).contains("Bonjour Paul Martin", "12 décembre 2026");
    MailedLink reviewLink = Immersions.link(immersion, smtp.getReceivedMessages(), "paul.martin");
    assertThatThrownBy(() -> links.review(reviewLink.agreementId(), reviewLink.token(),
        Immersions.review("COMPLETED", "FIXED_TERM", null, false, null)::get, "test"))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("durée en mois");

    links.review(reviewLink.agreementId(), reviewLink.token(), Immersions.review("COMPLETED", "PERMANENT", null, false, null)::get, "test");
    Immersions.proceed(immersion, Elements.TUTOR_REVIEW);

    assertThat(immersion).hasPassed(Elements.TUTOR_REVIEW, Elements.RECORD_REVIEW, Elements.HIRED).isEnded();
    Assertions.assertThat(historic(immersion.getId(), RESULT.getName())).isEqualTo(HIRED);
    Assertions.assertThat(historic(immersion.getId(), REVIEWED_BY.getName())).isEqualTo("Paul Martin");
    Assertions.assertThat(historic(immersion.getId(), RECORD.getName())).isEqualTo("Immersion chez Boulangerie Martin (Boulanger)"
        + " du 16 novembre 2026 au 27 novembre 2026 : réalisée ; compétences observées : Ponctuel, soigneux, à l'aise au fournil"
        + " ; embauche envisagée en CDI.");
    Assertions.assertThat(status(personLink.agreementId())).isEqualTo("COMPLETED");
  }

  @Test
  void aBilanWithoutASustainableHiringGoesBackToTheFollowUpAndALateBilanIsTheReferents() {
    ProcessInstance immersion = startLedByFranceTravail("parcours-back");
    Immersions.requestAndSendLinks(immersion, Immersions.request("2026-11-16", "2026-11-27"));
    Immersions.signAndValidate(immersion, links, smtp.getReceivedMessages());
    Immersions.endImmersion(immersion, 2026, 11, 27);

    // the tutor does not answer within 15 days: the référent records the bilan
    ClockUtil.setCurrentTime(at(2026, 12, 12, 17, 0));
    execute(job(Elements.REVIEW_OVERDUE, immersion));
    assertThat(task(Elements.ENTER_REVIEW, immersion)).isAssignedTo("karim.benali")
        .hasName("Saisir le bilan de l'immersion – Amina Diallo");
    MailedLink expired = Immersions.link(immersion, smtp.getReceivedMessages(), "paul.martin");
    assertRefused(() -> links.open(expired.agreementId(), expired.token(), Page.REVIEW, "test"), Refusal.EXPIRED);

    Map<String, Object> review = Immersions.review("PARTLY_COMPLETED", "FIXED_TERM", 3, false, null);
    review.put(REVIEW_HIRING_MONTHS, 3L);
    assertThatThrownBy(() -> complete(task(Elements.ENTER_REVIEW, immersion), Map.of(REVIEW_HIRING.getName(), "NONE")))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("s'est déroulée");
    complete(task(Elements.ENTER_REVIEW, immersion), review);

    assertThat(immersion).hasPassed(Elements.BACK_TO_FOLLOW_UP).isEnded();
    Assertions.assertThat(historic(immersion.getId(), RESULT.getName())).isEqualTo(CONTINUE);
    Assertions.assertThat(historic(immersion.getId(), REVIEWED_BY.getName())).isEqualTo("karim.benali");
    Assertions.assertThat((String) historic(immersion.getId(), RECORD.getName()))
        .endsWith(": réalisée en partie ; compétences observées : Ponctuel, soigneux, à l'aise au fournil ; embauche envisagée en CDD de 3 mois.");
  }

  @Test
  void oneRenewalIsGrantedWithItsJustificationASecondIsNot() {
    ProcessInstance immersion = startLedByFranceTravail("parcours-renewal");
    Immersions.requestAndSendLinks(immersion, Immersions.request("2026-11-16", "2026-11-27"));
    Immersions.signAndValidate(immersion, links, smtp.getReceivedMessages());
    Immersions.endImmersion(immersion, 2026, 11, 27);
    MailedLink first = Immersions.link(immersion, smtp.getReceivedMessages(), "paul.martin");
    links.review(first.agreementId(), first.token(),
        Immersions.review("COMPLETED", "NONE", null, true, "Encore deux semaines pour les viennoiseries.")::get, "test");
    Immersions.proceed(immersion, Elements.TUTOR_REVIEW);

    // back to the request, as a renewal, its justification taken from the bilan
    assertThat(immersion).isWaitingAt(Elements.REQUEST).variables().containsEntry(RENEWAL.getName(), true)
        .containsEntry(RENEWAL_JUSTIFICATION.getName(), "Encore deux semaines pour les viennoiseries.")
        .doesNotContainKey(START.getName());
    ClockUtil.setCurrentTime(at(2026, 11, 30, 9, 0));
    VariableMap overlapping = Immersions.request("2026-11-25", "2026-12-11");
    assertThatThrownBy(() -> complete(task(Elements.REQUEST, immersion), overlapping))
        .hasRootCauseInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("chevauchent une autre immersion de la personne, du 16 novembre 2026 au 27 novembre 2026");
    VariableMap unjustified = Immersions.request("2026-12-07", "2026-12-18");
    unjustified.putValue(RENEWAL_JUSTIFICATION.getName(), " ");
    assertThatThrownBy(() -> complete(task(Elements.REQUEST, immersion), unjustified))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("renouvellement doit être justifié");

    Immersions.requestAndSendLinks(immersion, Immersions.request("2026-12-07", "2026-12-18"));
    assertThat(immersion).variables().containsEntry(RENEWAL_COUNT.getName(), 1)
        .doesNotContainKeys(COMPANY_SIGNATORY.getName(), AGREEMENT_STATUS.getName(), REVIEW_HIRING.getName());
    Assertions.assertThat(jdbc.queryForObject("SELECT count(*) FROM immersion_agreement WHERE parcours_id = 'parcours-renewal'"
        + " AND person_signed_at IS NULL AND company_signed_at IS NULL", Integer.class))
        .as("the renewal's agreement, unsigned").isEqualTo(1);
    Immersions.signAndValidate(immersion, links, smtp.getReceivedMessages());
    Immersions.endImmersion(immersion, 2026, 12, 18);
    MailedLink second = Immersions.link(immersion, smtp.getReceivedMessages(), "paul.martin");
    Assertions.assertThat(jdbc.queryForList("SELECT status FROM immersion_agreement WHERE parcours_id = 'parcours-renewal' ORDER BY start_date",
        String.class)).containsExactly("COMPLETED", "VALIDATED");
    links.review(second.agreementId(), second.token(), Immersions.review("COMPLETED", "NONE", null, true, "Encore un peu.")::get, "test");
    Immersions.proceed(immersion, Elements.TUTOR_REVIEW);

    assertThat(immersion).hasPassed(Elements.BACK_TO_FOLLOW_UP).isEnded();
    Assertions.assertThat(((String) historic(immersion.getId(), RECORD.getName())).lines()).hasSize(2).last().asString()
        .endsWith("renouvellement demandé : Encore un peu. (non accordé : une immersion ne se renouvelle qu'une fois).");
  }

  @Test
  void aRequestThatBreaksARuleIsRefusedInFrench() {
    ProcessInstance immersion = startLedByFranceTravail("parcours-rules");
    VariableMap tooLong = Immersions.request("2026-11-16", "2026-12-16");
    assertThatThrownBy(() -> complete(task(Elements.REQUEST, immersion), tooLong))
        .hasRootCauseInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("Une immersion dure 30 jours calendaires au plus ; celle-ci en compte 31.");

    VariableMap wrong = Immersions.request("2026-11-02", "2026-11-01");
    wrong.putValue(COMPANY_SIRET.getName(), "123 456 789 00010");
    wrong.putValue(WEEKLY_HOURS, 49L);
    wrong.putValue(TUTOR_EMAIL.getName(), "paul.martin");
    wrong.putValue(OBJECTIVE.getName(), "HOLIDAY");
    wrong.putValue(JOB.getName(), "");
    assertThatThrownBy(() -> complete(task(Elements.REQUEST, immersion), wrong))
        .hasRootCauseInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("SIRET").hasMessageContaining("nombre entier d'heures, de 1 à 48").hasMessageContaining("adresse électronique valide")
        .hasMessageContaining("objet de l'immersion").hasMessageContaining("métier ou le poste")
        .hasMessageContaining("commencer après aujourd'hui").hasMessageContaining("La date de fin doit suivre");
    assertThatThrownBy(() -> complete(task(Elements.REQUEST, immersion), Map.of()))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("envoyer la demande d'immersion ou d'y renoncer");
    Assertions.assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM immersion_agreement WHERE parcours_id = 'parcours-rules'", Integer.class))
        .isZero();

    complete(task(Elements.REQUEST, immersion), Map.of(REQUEST_DECISION.getName(), "WITHDRAW"));
    assertThat(immersion).hasPassed(Elements.WITHDRAWN).isEnded();
  }

  @Test
  void aPersonUnder16MayNotBeImmersed() {
    VariableMap variables = ProcessTestSupport.ledByKarim(processEngine.getIdentityService(), person("parcours-young", EntryChannel.MISSION_LOCALE, "84000"));
    variables.putValue(ParcoursProcess.PERSON_BIRTH_DATE.getName(), Date.from(LocalDate.of(2010, 11, 17).atStartOfDay(ProcessTestSupport.TERRITORY.timeZone()).toInstant()));
    ProcessInstance immersion = processEngine.getRuntimeService().startProcessInstanceByKey(KEY, "parcours-young", variables);

    assertThatThrownBy(() -> complete(task(Elements.REQUEST, immersion), Immersions.request("2026-11-16", "2026-11-27")))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("au moins 16 ans");
  }

  @Test
  void anUnsignedAgreementIsRemindedThenCancelledAndTheReferentTold() {
    // a CCAS leads: the Département prescribes, the CCAS signs as accompanying structure
    ProcessInstance immersion = startLedByTheCcas("parcours-unsigned");
    ProcessTestSupport.user(processEngine.getIdentityService(), "anne.petit", "structure-dept-grand-avignon", Role.RESPONSABLE.groupId());
    Immersions.requestAndSendLinks(immersion, Immersions.request("2026-11-16", "2026-11-27"));

    assertThat(immersion).variables().containsEntry(PRESCRIBER.getName(), "structure-dept-grand-avignon")
        .containsEntry(ACCOMPANYING_SIGNS.getName(), true);
    assertThat(task(Elements.SIGN_AS_ACCOMPANYING, immersion)).isAssignedTo("sophie.roux")
        .hasDueDate(at(2026, 11, 16, 0, 0));
    assertThat(job(Elements.NEXT_REMINDER, immersion)).hasDueDate(at(2026, 11, 10, 9, 0));
    MailedLink personLink = Immersions.link(immersion, smtp.getReceivedMessages(), "amina.diallo");
    links.sign(personLink.agreementId(), personLink.token(), "Amina Diallo", true, "test");
    MailedLink firstCompanyLink = Immersions.link(immersion, smtp.getReceivedMessages(), "paul.martin");

    // Tuesday 10, 3 business days before: the Département has nothing to validate yet, so no mail
    purgeMails();
    ClockUtil.setCurrentTime(at(2026, 11, 10, 9, 0));
    remind(immersion);
    Assertions.assertThat(smtp.getReceivedMessages()).isEmpty();

    // Thursday 12, 2 business days before: the company (a new link) and the CCAS, not the person who signed
    purgeMails();
    assertThat(job(Elements.NEXT_REMINDER, immersion)).hasDueDate(at(2026, 11, 12, 9, 0));
    ClockUtil.setCurrentTime(at(2026, 11, 12, 9, 0));
    remind(immersion);
    Assertions.assertThat(smtp.getReceivedMessages()).extracting(ProcessTestSupport::subject, ImmersionProcessTest::recipients)
        .containsExactlyInAnyOrder(
            Assertions.tuple("Rappel : convention d'immersion d'Amina Diallo à signer", "paul.martin@boulangerie.example"),
            Assertions.tuple("Rappel : convention d'immersion d'Amina Diallo en attente de signature", "sophie.roux@test.example"));
    Assertions.assertThat(body(to(smtp.getReceivedMessages(), "paul.martin")))
        .contains("Rappel : la convention ci-dessous n'est pas encore signée. Elle est annulée si elle ne l'est pas avant le 16 novembre 2026");
    Assertions.assertThat(body(to(smtp.getReceivedMessages(), "sophie.roux"))).contains("attend la signature de votre structure");
    MailedLink companyLink = Immersions.link(immersion, smtp.getReceivedMessages(), "paul.martin");
    // the reminder's link works, and so does the first one
    for (MailedLink companyLinks : List.of(companyLink, firstCompanyLink)) {
      Assertions.assertThat(links.open(companyLinks.agreementId(), companyLinks.token(), Page.SIGNATURE, "test").purpose())
          .isEqualTo(ImmersionLinks.Purpose.COMPANY_SIGNATURE);
    }

    // Friday 13, the last business day before: the Département again; then no reminder is left
    ClockUtil.setCurrentTime(at(2026, 11, 13, 9, 0));
    remind(immersion);
    assertThat(immersion).hasPassed(Elements.NO_REMINDER_LEFT);

    // Monday 16 at midnight, still unsigned: cancelled, the links dead, the référent told
    ClockUtil.setCurrentTime(at(2026, 11, 16, 0, 0));
    purgeMails();
    execute(job(Elements.AGREEMENT_DEADLINE, immersion));
    Steps.runJobs(immersion, Elements.CANCEL_AGREEMENT);
    assertThat(immersion).hasPassed(Elements.CANCELLED).isEnded();
    Assertions.assertThat(smtp.getReceivedMessages()).extracting(ProcessTestSupport::subject, ImmersionProcessTest::recipients)
        .containsExactly(Assertions.tuple("Immersion annulée – Amina Diallo", "sophie.roux@test.example"));
    Assertions.assertThat(body(smtp.getReceivedMessages()[0])).contains("la convention n'était pas signée et validée le jour de son début");
    Assertions.assertThat(status(personLink.agreementId())).isEqualTo("CANCELLED");
    assertRefused(() -> links.sign(companyLink.agreementId(), companyLink.token(), "Paul Martin", true, "test"), Refusal.CLOSED);
    Assertions.assertThat(historic(immersion.getId(), RECORD.getName())).asString().endsWith("annulée, la convention n'était pas signée et validée le jour de son début.");
  }

  @Test
  void aStructureThatMayNotPrescribeSignsAsAccompanyingStructureAndTheDepartementRefuses() {
    ProcessInstance immersion = startLedByTheCcas("parcours-refused");
    ProcessTestSupport.user(processEngine.getIdentityService(), "claire.martin", "structure-dept-grand-avignon", Role.REFERENT.groupId());
    Immersions.requestAndSendLinks(immersion, Immersions.request("2026-11-16", "2026-11-27"));
    MimeMessage[] mails = smtp.getReceivedMessages();
    MailedLink person = Immersions.link(immersion, mails, "amina.diallo");
    links.sign(person.agreementId(), person.token(), "Amina Diallo", true, "test");
    Immersions.proceed(immersion, Elements.PERSON_SIGNATURE);
    MailedLink company = Immersions.link(immersion, mails, "paul.martin");
    links.sign(company.agreementId(), company.token(), "Paul Martin", true, "test");
    Immersions.proceed(immersion, Elements.COMPANY_SIGNATURE);
    assertThat(immersion).isWaitingAt(Elements.SIGN_AS_ACCOMPANYING).hasNotPassed(Elements.VALIDATE_AGREEMENT);

    assertThatThrownBy(() -> complete(task(Elements.SIGN_AS_ACCOMPANYING, immersion), Map.of()))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("Cochez la case de signature");
    complete(task(Elements.SIGN_AS_ACCOMPANYING, immersion), Map.of(ACCOMPANYING_SIGNED.getName(), true));

    // the Département's task, for any of its référents
    assertThat(task(Elements.VALIDATE_AGREEMENT, immersion)).isNotAssigned().hasCandidateGroup("structure-dept-grand-avignon")
        .hasName("Valider la convention d'immersion – Amina Diallo");
    processEngine.getTaskService().claim(task(Elements.VALIDATE_AGREEMENT, immersion).getId(), "claire.martin");
    assertThatThrownBy(() -> complete(task(Elements.VALIDATE_AGREEMENT, immersion), Map.of(VALIDATION_DECISION.getName(), "REFUSE")))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("pourquoi vous refusez");
    assertThatThrownBy(() -> complete(task(Elements.VALIDATE_AGREEMENT, immersion), Map.of()))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("Validez la convention ou refusez-la");
    complete(task(Elements.VALIDATE_AGREEMENT, immersion), Map.of(VALIDATION_DECISION.getName(), "REFUSE",
        REFUSAL_REASON.getName(), "Poste de nuit, incompatible avec la garde des enfants."));
    purgeMails();
    Steps.runJobs(immersion, Elements.CANCEL_AGREEMENT);

    assertThat(immersion).hasPassed(Elements.CANCELLED).isEnded();
    Assertions.assertThat(body(to(smtp.getReceivedMessages(), "sophie.roux")))
        .contains("le prescripteur a refusé la convention (Poste de nuit, incompatible avec la garde des enfants.)");
    Assertions.assertThat(status(person.agreementId())).isEqualTo("CANCELLED");
  }

  @Test
  void everyMisuseOfALinkIsRefusedWithNothingChangedAndTheAttemptAudited() {
    ProcessInstance immersion = startLedByFranceTravail("parcours-misuse");
    Immersions.requestAndSendLinks(immersion, Immersions.request("2026-11-16", "2026-11-27"));
    ProcessInstance other = startLedByFranceTravail("parcours-other");
    Immersions.requestAndSendLinks(other, Immersions.request("2026-11-17", "2026-11-20"));
    MailedLink person = Immersions.link(immersion, smtp.getReceivedMessages(), "amina.diallo");
    MailedLink company = Immersions.link(immersion, smtp.getReceivedMessages(), "paul.martin");
    MailedLink otherPerson = Immersions.link(other, smtp.getReceivedMessages(), "amina.diallo");
    String from = "203.0.113.7";

    // forged, for another immersion, for another purpose
    assertRefused(() -> links.open(person.agreementId(), "forged" + person.token().substring(6), Page.SIGNATURE, from), Refusal.UNKNOWN);
    assertRefused(() -> links.sign(otherPerson.agreementId(), person.token(), "Amina Diallo", true, from), Refusal.OTHER_IMMERSION);
    assertRefused(() -> links.review(person.agreementId(), person.token(), Map.<String, Object>of()::get, from), Refusal.WRONG_PURPOSE);
    assertThat(immersion).isWaitingAt(Elements.PERSON_SIGNATURE).hasNotPassed(Elements.PERSON_SIGNATURE);
    assertThat(other).isWaitingAt(Elements.PERSON_SIGNATURE).hasNotPassed(Elements.PERSON_SIGNATURE);

    // used twice; and once the company signed with the reminder's link, its first link is of no use
    links.sign(person.agreementId(), person.token(), "Amina Diallo", true, "test");
    Immersions.proceed(immersion, Elements.PERSON_SIGNATURE);
    assertRefused(() -> links.sign(person.agreementId(), person.token(), "Amina Diallo", true, from), Refusal.USED);
    ClockUtil.setCurrentTime(at(2026, 11, 10, 9, 0));
    remind(immersion);
    ClockUtil.setCurrentTime(at(2026, 11, 12, 9, 0));
    remind(immersion);
    MailedLink reminded = Immersions.link(immersion, smtp.getReceivedMessages(), "paul.martin");
    links.sign(reminded.agreementId(), reminded.token(), "Paul Martin", true, "test");
    Immersions.proceed(immersion, Elements.COMPANY_SIGNATURE);
    assertRefused(() -> links.sign(company.agreementId(), company.token(), "Paul Martin", true, from), Refusal.ALREADY_SIGNED);
    assertThat(immersion).isWaitingAt(Elements.VALIDATE_AGREEMENT);

    // Friday 13, the last business day before: now there is something to validate, Karim is reminded
    purgeMails();
    ClockUtil.setCurrentTime(at(2026, 11, 13, 9, 0));
    remind(immersion);
    Assertions.assertThat(smtp.getReceivedMessages()).extracting(ProcessTestSupport::subject, ImmersionProcessTest::recipients)
        .containsExactly(Assertions.tuple("Rappel : convention d'immersion d'Amina Diallo en attente de validation", "karim.benali@test.example"));
    Assertions.assertThat(ProcessTestSupport.content(smtp.getReceivedMessages()[0]))
        .contains(new TasklistLinks(ProcessTestSupport.PUBLIC_URL).task(task(Elements.VALIDATE_AGREEMENT, immersion).getId()));

    // expired: the other immersion's links end on its first day
    ClockUtil.setCurrentTime(at(2026, 11, 17, 0, 0));
    assertRefused(() -> links.open(otherPerson.agreementId(), otherPerson.token(), Page.SIGNATURE, from), Refusal.EXPIRED);
    assertThat(other).isWaitingAt(Elements.PERSON_SIGNATURE).hasNotPassed(Elements.PERSON_SIGNATURE);

    Assertions.assertThat(audited("parcours-misuse", AuditLog.Action.IMMERSION_LINK_REFUSED)).hasSize(4)
        .allMatch(detail -> detail.contains(from))
        .anyMatch(detail -> detail.contains("UNKNOWN")).anyMatch(detail -> detail.contains("WRONG_PURPOSE"))
        .anyMatch(detail -> detail.contains("(USED)")).anyMatch(detail -> detail.contains("ALREADY_SIGNED"));
    Assertions.assertThat(audited("parcours-other", AuditLog.Action.IMMERSION_LINK_REFUSED))
        .anyMatch(detail -> detail.contains("OTHER_IMMERSION")).anyMatch(detail -> detail.contains("EXPIRED")).hasSize(2);
    Assertions.assertThat(audited("parcours-misuse", AuditLog.Action.IMMERSION_LINK)).containsExactly(
        "Convention " + person.agreementId() + " signée par la personne",
        "Convention " + person.agreementId() + " signée par l'entreprise (Paul Martin)");
  }

  @Test
  void theLinksOfAParcoursThatEndedMeanwhileAreRefused() {
    ProcessInstance immersion = startLedByFranceTravail("parcours-ended");
    Immersions.requestAndSendLinks(immersion, Immersions.request("2026-11-16", "2026-11-27"));
    MailedLink person = Immersions.link(immersion, smtp.getReceivedMessages(), "amina.diallo");

    // the CAF ends the rights: the parcours ends with everything it called
    processEngine.getRuntimeService().deleteProcessInstance(immersion.getId(), "Fin des droits RSA");

    assertRefused(() -> links.open(person.agreementId(), person.token(), Page.SIGNATURE, "test"), Refusal.CLOSED);
  }

  private List<String> audited(String parcoursId, AuditLog.Action action) {
    return jdbc.queryForList("SELECT detail FROM parcours_audit WHERE parcours_id = ? AND action = ? ORDER BY id", String.class,
        parcoursId, action.name());
  }

  private ProcessInstance startLedByFranceTravail(String parcoursId) {
    VariableMap variables = ProcessTestSupport.ledByKarim(processEngine.getIdentityService(), person(parcoursId, EntryChannel.CAF, "84000"));
    return processEngine.getRuntimeService().startProcessInstanceByKey(KEY, parcoursId, variables);
  }

  /** Sophie Roux of the CCAS d'Avignon is the référent: the Département of Grand Avignon prescribes. */
  private ProcessInstance startLedByTheCcas(String parcoursId) {
    ProcessTestSupport.user(processEngine.getIdentityService(), "sophie.roux", "structure-ccas-avignon", Role.REFERENT.groupId());
    VariableMap variables = person(parcoursId, EntryChannel.CAF, "84000");
    variables.putValue(ParcoursProcess.LEAD_REFERENT.getName(), "sophie.roux");
    variables.putValue(OrientationProcess.LEAD_ORGANISATION.getName(), "structure-ccas-avignon");
    return processEngine.getRuntimeService().startProcessInstanceByKey(KEY, parcoursId, variables);
  }

  private static void remind(ProcessInstance immersion) {
    execute(job(Elements.NEXT_REMINDER, immersion));
    Steps.runJob(immersion, Elements.SEND_REMINDER);
  }

  private static void assertRefused(Runnable use, Refusal refusal) {
    assertThatThrownBy(use::run).isInstanceOfSatisfying(LinkRefusedException.class,
        e -> Assertions.assertThat(e.refusal).isEqualTo(refusal));
  }

  private String status(String agreementId) {
    return jdbc.queryForObject("SELECT status FROM immersion_agreement WHERE id = ?", String.class, agreementId);
  }

  private static void purgeMails() {
    try {
      smtp.purgeEmailFromAllMailboxes();
    } catch (com.icegreen.greenmail.store.FolderException e) {
      throw new IllegalStateException(e);
    }
  }

  private static MimeMessage to(MimeMessage[] mails, String recipient) {
    return Arrays.stream(mails).filter(mail -> recipients(mail).contains(recipient)).reduce((first, second) -> second).orElseThrow();
  }

  private static String recipients(MimeMessage mail) {
    return String.join(", ", ProcessTestSupport.recipients(mail));
  }

  /** The mail's text, without its markup. */
  private static String body(MimeMessage mail) {
    return HtmlUtils.htmlUnescape(ProcessTestSupport.content(mail).replaceAll("<[^>]+>", "").replaceAll("\\s+", " "));
  }

}
