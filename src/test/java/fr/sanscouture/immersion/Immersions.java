package fr.sanscouture.immersion;

import static fr.sanscouture.ProcessTestSupport.at;
import static fr.sanscouture.immersion.ImmersionProcess.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processEngine;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import fr.sanscouture.ProcessTestBase;
import fr.sanscouture.ProcessTestSupport;
import fr.sanscouture.privacy.AuditLog;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The steps of an immersion as its people take them: the référent's request, the links mailed to the
 * person and the tutor, opened and used through the application's link service, the prescriber's validation.
 */
public final class Immersions {

  /** A personal link found in a mail. */
  public record MailedLink(String agreementId, String token) {}

  /** A link to the application's public address, as the mails give it. */
  private static final Pattern LINK = Pattern.compile(Pattern.quote(ProcessTestSupport.PUBLIC_URL)
      + "/immersion/([0-9a-f-]{36})/(signature|bilan)/([A-Za-z0-9_-]+)");

  private Immersions() {}


  /** The application's link service on the test engine. */
  static ImmersionLinkService linkService(ProcessEngine engine) {
    DataSource dataSource = ProcessTestSupport.dataSource(engine);
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
    return new ImmersionLinkService(new ImmersionLinks(jdbc, transactions), new ImmersionAgreements(jdbc), engine.getRuntimeService(),
        new AuditLog(jdbc), ProcessTestSupport.TERRITORY, new TransactionTemplate(transactions));
  }

  /** A request that keeps every rule: Boulangerie Martin, 35 hours a week, between the given days. */
  public static VariableMap request(String start, String end) {
    return Variables.createVariables()
        .putValue(COMPANY_NAME.getName(), "Boulangerie Martin")
        .putValue(COMPANY_SIRET.getName(), "732 829 320 00074")
        .putValue(TUTOR_NAME.getName(), "Paul Martin")
        .putValue(TUTOR_EMAIL.getName(), "paul.martin@boulangerie.example")
        .putValue(JOB.getName(), "Boulanger")
        .putValue(OBJECTIVE.getName(), "START_HIRING")
        .putValue(START.getName(), start)
        .putValue(END.getName(), end)
        .putValue(WEEKLY_HOURS, 35L)
        .putValue(REQUEST_DECISION.getName(), "SUBMIT");
  }

  /** The links mailed to the recipient, oldest first (GreenMail lists the mails mailbox by mailbox). */
  public static List<MailedLink> links(MimeMessage[] mails, String recipient) {
    List<MailedLink> found = new ArrayList<>();
    for (MimeMessage mail : mails) {
      Matcher matcher = LINK.matcher(ProcessTestSupport.content(mail));
      if (ProcessTestSupport.recipients(mail).stream().anyMatch(address -> address.contains(recipient)) && matcher.find()) {
        found.add(new MailedLink(matcher.group(1), matcher.group(3)));
      }
    }
    return found;
  }

  /** The last link mailed to the recipient for the immersion's current agreement. */
  public static MailedLink link(ProcessInstance immersion, MimeMessage[] mails, String recipient) {
    String agreementId = (String) processEngine().getRuntimeService().getVariable(immersion.getId(), AGREEMENT_ID.getName());
    return links(mails, recipient).stream().filter(link -> link.agreementId().equals(agreementId))
        .reduce((first, second) -> second)
        .orElseThrow(() -> new AssertionError("No link of agreement " + agreementId + " was mailed to " + recipient));
  }

  /** The référent requests the immersion; the links go out. */
  public static void requestAndSendLinks(ProcessInstance immersion, VariableMap request) {
    complete(task(Elements.REQUEST, immersion), request);
    execute(job(Elements.SEND_PERSON_LINK, immersion));
    execute(job(Elements.SEND_COMPANY_LINK, immersion));
  }

  /** The person and the company sign with the links mailed to them, the référent (prescriber) validates. */
  public static void signAndValidate(ProcessInstance immersion) {
    signAndValidate(immersion, linkService(processEngine()), ProcessTestBase.smtp().getReceivedMessages());
  }

  static void signAndValidate(ProcessInstance immersion, ImmersionLinkService links, MimeMessage[] mails) {
    MailedLink person = link(immersion, mails, "amina.diallo");
    links.sign(person.agreementId(), person.token(), "Amina Diallo", true, "test");
    proceed(immersion, Elements.PERSON_SIGNATURE);
    MailedLink company = link(immersion, mails, "paul.martin");
    links.sign(company.agreementId(), company.token(), "Paul Martin", true, "test");
    proceed(immersion, Elements.COMPANY_SIGNATURE);
    complete(task(Elements.VALIDATE_AGREEMENT, immersion), Map.of(VALIDATION_DECISION.getName(), "VALIDATE"));
  }

  /** The immersion ends on its last day at 17:00; the tutor is asked for the bilan. */
  public static void endImmersion(ProcessInstance immersion, int year, int month, int day) {
    ClockUtil.setCurrentTime(at(year, month, day, 17, 0));
    execute(job(Elements.IMMERSION_ENDED, immersion));
  }

  /** The tutor gives the bilan with the link mailed at the end of the immersion. */
  public static void reviewByLink(ProcessInstance immersion, Map<String, Object> review) {
    MailedLink link = link(immersion, ProcessTestBase.smtp().getReceivedMessages(), "paul.martin");
    linkService(processEngine()).review(link.agreementId(), link.token(), review::get, "test");
    proceed(immersion, Elements.TUTOR_REVIEW);
  }

  /** What follows a signature or the bilan, after the receive task's async boundary. */
  public static void proceed(ProcessInstance immersion, String receiveTask) {
    execute(job(receiveTask, immersion));
  }

  /** The tutor's bilan as the page submits it. */
  public static Map<String, Object> review(String attendance, String hiring, Integer months, boolean renewal, String renewalReason) {
    Map<String, Object> values = new java.util.HashMap<>();
    values.put(REVIEW_ATTENDANCE.getName(), attendance);
    values.put(REVIEW_SKILLS.getName(), "Ponctuel, soigneux, à l'aise au fournil.");
    values.put(REVIEW_HIRING.getName(), hiring);
    values.put(REVIEW_HIRING_MONTHS, months == null ? null : String.valueOf(months));
    values.put(REVIEW_RENEWAL_ASKED.getName(), renewal ? "true" : null);
    values.put(REVIEW_RENEWAL_REASON.getName(), renewalReason);
    return values;
  }
}
