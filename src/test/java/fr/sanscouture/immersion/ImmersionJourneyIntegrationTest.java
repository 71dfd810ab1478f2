package fr.sanscouture.immersion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import fr.sanscouture.ProcessTestSupport;
import fr.sanscouture.followup.FollowUpProcess;
import fr.sanscouture.parcours.JourneyIntegrationTest;
import fr.sanscouture.parcours.ParcoursProcess;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * An immersion proposed at a milestone, on PostgreSQL with the job executor and a real SMTP server: the
 * links in the mails work in the pages, without an account, once; the bilan's hiring ends the parcours.
 */
class ImmersionJourneyIntegrationTest extends JourneyIntegrationTest {

  private static final Pattern LINK = Pattern.compile("https?://[^/\\s\"]+(/immersion/[0-9a-f-]{36}/(signature|bilan)/[A-Za-z0-9_-]+)");

  @Autowired JdbcTemplate jdbc;

  @Test
  void theSignatureLinksAndTheBilanLinkWorkInTheirPagesAndAHiringEndsTheParcours() throws Exception {
    String parcoursId = enter("Léo", "Bonnet", "5000003");
    toFollowUp(parcoursId);
    complete(parcoursId, FollowUpProcess.Elements.HOLD_MILESTONE, Map.of(
        FollowUpProcess.ACTIONS_PROGRESS.getName(), "Projet boulangerie confirmé.", FollowUpProcess.DECISION.getName(), "IMMERSION"));

    String tutor = "tuteur-5000003@boulangerie.example";
    LocalDate start = territory.today().plusDays(14);
    Map<String, Object> request = Immersions.request(start.toString(), start.plusDays(11).toString());
    request.put(ImmersionProcess.TUTOR_EMAIL.getName(), tutor);
    Map<String, Object> tooLong = Immersions.request(start.toString(), start.plusDays(30).toString());
    String requestTask = awaitTask(parcoursId, ImmersionProcess.Elements.REQUEST).getId();
    // the refusal itself, not the engine's wrapper around a listener's exception
    assertThatThrownBy(() -> taskService.complete(requestTask, tooLong)).isInstanceOf(BadUserRequestException.class)
        .hasMessage("Une immersion dure 30 jours calendaires au plus ; celle-ci en compte 31.");
    assertThat(agreements(parcoursId)).isZero();
    complete(parcoursId, ImmersionProcess.Elements.REQUEST, request);

    // the person's page, without an account
    String personLink = awaitLink("5000003@exemple.example", "signature");
    ResponseEntity<String> page = http.getForEntity(personLink, String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).contains("Convention de période de mise en situation en milieu professionnel", "Léo Bonnet",
        "Boulangerie Martin (SIRET 73282932000074)", "France Travail Cavaillon");
    assertThat(page.getHeaders().getCacheControl()).isEqualTo("no-store");
    assertThat(page.getHeaders().getFirst("Referrer-Policy")).isEqualTo("no-referrer");

    ResponseEntity<String> unticked = post(personLink, Map.of("signatoryName", "Léo Bonnet"));
    assertThat(unticked.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unticked.getBody()).contains("cochez la case d&#39;acceptation");
    assertThat(personSigned(parcoursId)).isFalse();

    assertThat(post(personLink, Map.of("signatoryName", "Léo Bonnet", "accepted", "true")).getBody())
        .contains("Merci : votre signature est enregistrée.");
    ResponseEntity<String> twice = post(personLink, Map.of("signatoryName", "Léo Bonnet", "accepted", "true"));
    assertThat(twice.getStatusCode()).isEqualTo(HttpStatus.GONE);
    assertThat(twice.getBody()).contains("Ce lien a déjà servi", "Rien n'a été modifié");

    String companyLink = awaitLink(tutor, "signature");
    ResponseEntity<String> forged = http.getForEntity(companyLink.substring(0, companyLink.length() - 4) + "AAAA", String.class);
    assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(forged.getBody()).contains("Ce lien n&#39;est pas valide");
    ResponseEntity<String> wrongPurpose = http.getForEntity(companyLink.replace("/signature/", "/bilan/"), String.class);
    assertThat(wrongPurpose.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post(companyLink, Map.of("signatoryName", "Paul Martin", "accepted", "true")).getStatusCode()).isEqualTo(HttpStatus.OK);

    // France Travail prescribes: its référent validates in Tasklist
    assertThat(awaitTask(parcoursId, ImmersionProcess.Elements.VALIDATE_AGREEMENT).getAssignee()).isEqualTo(REFERENT);
    complete(parcoursId, ImmersionProcess.Elements.VALIDATE_AGREEMENT, Map.of(ImmersionProcess.VALIDATION_DECISION.getName(), "VALIDATE"));

    // the last day comes: the tutor gets the bilan's link
    String immersion = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(parcoursId)
        .processDefinitionKey(ImmersionProcess.KEY).singleResult().getId();
    Job end = await().atMost(Duration.ofSeconds(30)).until(() -> managementService.createJobQuery().processInstanceId(immersion)
        .activityId(ImmersionProcess.Elements.IMMERSION_ENDED).singleResult(), job -> job != null);
    managementService.setJobDuedate(end.getId(), new Date());
    String reviewLink = awaitLink(tutor, "bilan");
    assertThat(http.getForEntity(reviewLink, String.class).getBody()).contains("Bilan de l'immersion", "Léo Bonnet");
    ResponseEntity<String> incomplete = post(reviewLink, Map.of("reviewAttendance", "COMPLETED"));
    assertThat(incomplete.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(incomplete.getBody()).contains("Décrivez les compétences observées", "Indiquez si une embauche est envisagée");
    assertThat(post(reviewLink, Map.of("reviewAttendance", "COMPLETED", "reviewSkills", "Rigoureux, très bon contact.",
        "reviewHiring", "PERMANENT")).getBody()).contains("Merci : votre bilan est transmis");

    await().atMost(Duration.ofSeconds(30)).until(() -> runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(parcoursId).count() == 0);
    assertThat(historyService.createHistoricVariableInstanceQuery().variableName(ParcoursProcess.EXIT_REASON.getName())
        .processInstanceIdIn(rootOf(parcoursId)).singleResult().getValue()).isEqualTo("SUSTAINABLE_JOB");
    assertThat(jdbc.queryForList("SELECT user_id FROM parcours_audit WHERE parcours_id = ? AND action = 'IMMERSION_LINK' ORDER BY id",
        String.class, parcoursId)).containsExactly("lien-person", "lien-company", "lien-tuteur");
    assertThat(jdbc.queryForList("SELECT detail FROM parcours_audit WHERE parcours_id = ? AND action = 'IMMERSION_LINK_REFUSED' ORDER BY id",
        String.class, parcoursId)).hasSize(3);

    // erased, the agreements and their links go too
    List<String> agreementIds = jdbc.queryForList("SELECT id FROM immersion_agreement WHERE parcours_id = ?", String.class, parcoursId);
    assertThat(links(agreementIds)).isEqualTo(3);
    administrator("journey-admin");
    assertThat(http.withBasicAuth("journey-admin", PASSWORD).exchange("/api/parcours/" + parcoursId, HttpMethod.DELETE, null, String.class)
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(agreements(parcoursId)).isZero();
    assertThat(links(agreementIds)).isZero();
  }

  private int links(List<String> agreementIds) {
    return agreementIds.stream().mapToInt(id -> jdbc.queryForObject("SELECT COUNT(*) FROM immersion_link WHERE agreement_id = ?",
        Integer.class, id)).sum();
  }

  private ResponseEntity<String> post(String link, Map<String, String> fields) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    fields.forEach(form::add);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    return http.postForEntity(link, new HttpEntity<>(form, headers), String.class);
  }

  /** The path of the last link of the kind mailed to the recipient. */
  private String awaitLink(String recipient, String kind) {
    return await().atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(SMTP.getReceivedMessages())
        .filter(mail -> ProcessTestSupport.recipients(mail).contains(recipient))
        .map(ProcessTestSupport::content)
        .map(LINK::matcher).filter(Matcher::find).filter(matcher -> matcher.group(2).equals(kind))
        .map(matcher -> matcher.group(1)).reduce((first, second) -> second), Optional::isPresent).orElseThrow();
  }

  private int agreements(String parcoursId) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM immersion_agreement WHERE parcours_id = ?", Integer.class, parcoursId);
  }

  private boolean personSigned(String parcoursId) {
    return jdbc.queryForObject("SELECT person_signed_at IS NOT NULL FROM immersion_agreement WHERE parcours_id = ?", Boolean.class, parcoursId);
  }

}
