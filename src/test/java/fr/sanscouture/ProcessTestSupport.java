package fr.sanscouture;

import fr.sanscouture.access.EndFormerReferentAccessDelegate;
import fr.sanscouture.access.ParcoursAccessPlugin;
import fr.sanscouture.contract.ContractSignedListener;
import fr.sanscouture.contract.PrepareContractDelegate;
import fr.sanscouture.contribution.ContributionAnsweredListener;
import fr.sanscouture.contribution.ContributionRequests;
import fr.sanscouture.contribution.GatherContributionsDelegate;
import fr.sanscouture.contribution.ReportUnansweredContributionsDelegate;
import fr.sanscouture.diagnostic.DiagnosticConcludedListener;
import fr.sanscouture.diagnostic.DiagnosticRecordedListener;
import fr.sanscouture.escalation.EscalationPlugin;
import fr.sanscouture.escalation.FindMailFailureHoldersDelegate;
import fr.sanscouture.escalation.MailFailureIncidents;
import fr.sanscouture.escalation.RetryFailedMailDelegate;
import fr.sanscouture.escalation.EscalateOverdueTaskListener;
import fr.sanscouture.escalation.EscalationChain;
import fr.sanscouture.escalation.EscalationHandledListener;
import fr.sanscouture.escalation.EscalationMails;
import fr.sanscouture.escalation.NotifyEscalationDelegate;
import fr.sanscouture.escalation.NotifyRoleDelegate;
import fr.sanscouture.escalation.RaiseEscalationDelegate;
import fr.sanscouture.escalation.RemindTaskHoldersListener;
import fr.sanscouture.escalation.WatchedTasks;
import fr.sanscouture.engine.JobRetriesPlugin;
import fr.sanscouture.followup.CountMilestoneDelegate;
import fr.sanscouture.followup.JointRediagnosisHeldListener;
import fr.sanscouture.followup.MilestoneHeldListener;
import fr.sanscouture.followup.MilestoneOpenedListener;
import fr.sanscouture.followup.MilestonePlugin;
import fr.sanscouture.inbox.InboxPlugin;
import fr.sanscouture.inbox.TaskDeadlineListener;
import fr.sanscouture.calendar.BusinessDays;
import fr.sanscouture.followup.HiredAfterImmersionListener;
import fr.sanscouture.identity.Directory;
import fr.sanscouture.immersion.AccompanyingSignedListener;
import fr.sanscouture.immersion.AgreementValidatedListener;
import fr.sanscouture.immersion.CancelAgreementDelegate;
import fr.sanscouture.immersion.CloseAgreementListener;
import fr.sanscouture.immersion.ImmersionAgreements;
import fr.sanscouture.immersion.ImmersionLinks;
import fr.sanscouture.immersion.ImmersionMailDelegates;
import fr.sanscouture.immersion.ImmersionMails;
import fr.sanscouture.immersion.ImmersionRequestedListener;
import fr.sanscouture.immersion.ImmersionRules;
import fr.sanscouture.immersion.PlanNextReminderDelegate;
import fr.sanscouture.immersion.PrepareAgreementDelegate;
import fr.sanscouture.immersion.RecordReviewDelegate;
import fr.sanscouture.immersion.ReviewEnteredListener;
import fr.sanscouture.immersion.SendReminderDelegate;
import fr.sanscouture.identity.IdentityRulesPlugin;
import fr.sanscouture.leadreferent.AssignLeadReferentDelegate;
import fr.sanscouture.leadreferent.Caseloads;
import fr.sanscouture.leadreferent.LeadReferentChosenListener;
import fr.sanscouture.leadreferent.NotifyLeadReferentDelegate;
import fr.sanscouture.leadreferent.NotifyPersonOfReferentDelegate;
import fr.sanscouture.leadreferent.ReferLeadAssignmentDelegate;
import fr.sanscouture.leadreferent.ReferentMails;
import fr.sanscouture.mail.Mailer;
import fr.sanscouture.mail.TasklistLinks;
import fr.sanscouture.mail.UserMailer;
import fr.sanscouture.orientation.OrientationDecidedListener;
import fr.sanscouture.orientation.OrientationProcess;
import fr.sanscouture.orientation.PrepareOrientationDelegate;
import fr.sanscouture.parcours.EntryChannel;
import fr.sanscouture.parcours.ParcoursProcess;
import fr.sanscouture.reception.AppointmentPlannedListener;
import fr.sanscouture.reception.MarkReceptionExpiredDelegate;
import fr.sanscouture.reception.PrepareReceptionDelegate;
import fr.sanscouture.reception.ReceptionCompletionListener;
import fr.sanscouture.reception.ReceptionMails;
import fr.sanscouture.reception.ReceptionReviewListener;
import fr.sanscouture.reception.RecordNoShowDelegate;
import fr.sanscouture.reception.ReferReceptionToManagerDelegate;
import fr.sanscouture.reception.SendAppointmentReminderDelegate;
import fr.sanscouture.reception.SendInvitationDelegate;
import fr.sanscouture.reception.SendPlanningReminderDelegate;
import fr.sanscouture.territory.Territory;
import io.holunda.camunda.bpm.data.CamundaBpmData;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageInMemProcessEngineConfiguration;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * An engine of its own for each process test class, with the application's real delegates wired by
 * hand (no Spring), mail going to the test's SMTP server.
 */
public final class ProcessTestSupport {

  public static final Territory TERRITORY = TestTerritory.load();
  public static final String PUBLIC_URL = "https://sans-couture.example";
  private static final Set<String> MIGRATED = ConcurrentHashMap.newKeySet();

  private ProcessTestSupport() {}

  public static ProcessCoverageInMemProcessEngineConfiguration engine(String name, Map<Object, Object> beans) {
    ProcessCoverageInMemProcessEngineConfiguration configuration = new ProcessCoverageInMemProcessEngineConfiguration();
    configuration.setProcessEngineName(name);
    configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=1000");
    configuration.setJobExecutorActivate(false);
    configuration.setHistory("full");
    // as application.yaml sets it
    configuration.setFailedJobRetryTimeCycle("R5/PT10M");
    configuration.setBeans(beans);
    configuration.getProcessEnginePlugins().add(new IdentityRulesPlugin());
    configuration.getProcessEnginePlugins().add(new ParcoursAccessPlugin());
    configuration.getProcessEnginePlugins().add(new EscalationPlugin());
    configuration.getProcessEnginePlugins().add(new MilestonePlugin());
    configuration.getProcessEnginePlugins().add(new InboxPlugin(new TaskDeadlineListener(TERRITORY, new BusinessDays())));
    configuration.getProcessEnginePlugins().add(new SpinProcessEnginePlugin());
    configuration.getProcessEnginePlugins().add(new JobRetriesPlugin());
    configuration.getProcessEnginePlugins().add(new MailFailureIncidents());
    configuration.setDefaultSerializationFormat("application/json");
    return configuration;
  }

  /** Every delegate and listener of the models, as the application wires them; the parcours' release is the test's. */
  public static void wire(Map<Object, Object> beans, ProcessEngine engine, int smtpPort, ExecutionListener release) {
    Mailer mailer = TestMail.mailer(smtpPort, dataSource(engine));
    Directory directory = new Directory(engine.getIdentityService());
    ReceptionMails receptionMails = new ReceptionMails(mailer, TERRITORY);
    beans.put("releaseParcoursListener", release);
    beans.put("prepareReceptionDelegate", new PrepareReceptionDelegate(TERRITORY));
    beans.put("sendInvitationDelegate", new SendInvitationDelegate(receptionMails));
    beans.put("sendPlanningReminderDelegate", new SendPlanningReminderDelegate(receptionMails));
    beans.put("sendAppointmentReminderDelegate", new SendAppointmentReminderDelegate(receptionMails, TERRITORY));
    beans.put("markReceptionExpiredDelegate", new MarkReceptionExpiredDelegate());
    beans.put("appointmentPlannedListener", new AppointmentPlannedListener(TERRITORY));
    beans.put("receptionCompletionListener", new ReceptionCompletionListener(TERRITORY));
    beans.put("recordNoShowDelegate", new RecordNoShowDelegate());
    beans.put("referReceptionToManagerDelegate", new ReferReceptionToManagerDelegate(new EscalationChain(directory, TERRITORY)));
    beans.put("receptionReviewListener", new ReceptionReviewListener());
    ContributionRequests contributionRequests = new ContributionRequests(TERRITORY);
    beans.put("contributionAnsweredListener", new ContributionAnsweredListener(TERRITORY));
    UserMailer userMailer = new UserMailer(mailer, directory);
    beans.put("gatherContributionsDelegate", new GatherContributionsDelegate());
    beans.put("reportUnansweredContributionsDelegate", new ReportUnansweredContributionsDelegate(directory, userMailer, TERRITORY));
    beans.put("diagnosticRecordedListener", new DiagnosticRecordedListener(contributionRequests));
    beans.put("diagnosticConcludedListener", new DiagnosticConcludedListener());
    beans.put("prepareOrientationDelegate", new PrepareOrientationDelegate(TERRITORY));
    beans.put("orientationDecidedListener", new OrientationDecidedListener(TERRITORY));
    beans.put("assignLeadReferentDelegate",
        new AssignLeadReferentDelegate(directory, new Caseloads(engine.getRuntimeService()), TERRITORY));
    beans.put("referLeadAssignmentDelegate", new ReferLeadAssignmentDelegate(directory, new EscalationChain(directory, TERRITORY)));
    beans.put("leadReferentChosenListener", new LeadReferentChosenListener(directory));
    TasklistLinks links = new TasklistLinks(PUBLIC_URL);
    ReferentMails referentMails = new ReferentMails(mailer, userMailer, directory, TERRITORY, links);
    beans.put("notifyPersonOfReferentDelegate", new NotifyPersonOfReferentDelegate(referentMails));
    beans.put("notifyLeadReferentDelegate", new NotifyLeadReferentDelegate(referentMails));
    beans.put("prepareContractDelegate", new PrepareContractDelegate(TERRITORY));
    beans.put("contractSignedListener", new ContractSignedListener(TERRITORY));
    beans.put("countMilestoneDelegate", new CountMilestoneDelegate());
    beans.put("milestoneHeldListener", new MilestoneHeldListener(contributionRequests));
    beans.put("jointRediagnosisHeldListener", new JointRediagnosisHeldListener(contributionRequests));
    beans.put("milestoneOpenedListener", new MilestoneOpenedListener());
    WatchedTasks watchedTasks = new WatchedTasks(directory, TERRITORY);
    EscalationMails escalationMails = new EscalationMails(userMailer, links);
    beans.put("raiseEscalationDelegate", new RaiseEscalationDelegate(new EscalationChain(directory, TERRITORY), directory));
    beans.put("notifyEscalationDelegate", new NotifyEscalationDelegate(escalationMails, TERRITORY));
    beans.put("escalationHandledListener", new EscalationHandledListener(directory));
    beans.put("escalateOverdueTaskListener", new EscalateOverdueTaskListener(watchedTasks));
    EscalationChain chain = new EscalationChain(directory, TERRITORY);
    beans.put("notifyRoleDelegate", new NotifyRoleDelegate(chain, userMailer, links));
    beans.put("findMailFailureHoldersDelegate", new FindMailFailureHoldersDelegate(chain));
    beans.put("retryFailedMailDelegate", new RetryFailedMailDelegate());
    beans.put("endFormerReferentAccessDelegate", new EndFormerReferentAccessDelegate());
    beans.put("remindTaskHoldersListener", new RemindTaskHoldersListener(watchedTasks, escalationMails, TERRITORY));
    beans.put("hiredAfterImmersionListener", new HiredAfterImmersionListener());
    wireImmersion(beans, engine, mailer, userMailer, escalationMails, directory);
  }

  /** The immersion's beans, their tables migrated on the engine's own database. */
  private static void wireImmersion(Map<Object, Object> beans, ProcessEngine engine, Mailer mailer, UserMailer userMailer,
      EscalationMails escalationMails, Directory directory) {
    DataSource dataSource = dataSource(engine);
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    ImmersionAgreements agreements = new ImmersionAgreements(jdbc);
    ImmersionLinks immersionLinks = new ImmersionLinks(jdbc, new DataSourceTransactionManager(dataSource));
    ImmersionMails mails = new ImmersionMails(mailer, userMailer, escalationMails, directory, immersionLinks, TERRITORY, PUBLIC_URL);
    beans.put("immersionRequestedListener", new ImmersionRequestedListener(new ImmersionRules(agreements, TERRITORY)));
    beans.put("prepareAgreementDelegate", new PrepareAgreementDelegate(agreements, TERRITORY));
    beans.put("sendPersonLinkDelegate", ImmersionMailDelegates.sendPersonLink(mails));
    beans.put("sendCompanyLinkDelegate", ImmersionMailDelegates.sendCompanyLink(mails));
    beans.put("sendReviewLinkDelegate", ImmersionMailDelegates.sendReviewLink(mails));
    beans.put("planNextReminderDelegate", new PlanNextReminderDelegate(new BusinessDays(), TERRITORY));
    beans.put("sendReminderDelegate", new SendReminderDelegate(mails, agreements));
    beans.put("cancelAgreementDelegate", new CancelAgreementDelegate(agreements, mails));
    beans.put("accompanyingSignedListener", new AccompanyingSignedListener());
    beans.put("agreementValidatedListener", new AgreementValidatedListener(agreements));
    beans.put("reviewEnteredListener", new ReviewEnteredListener());
    beans.put("recordReviewDelegate", new RecordReviewDelegate(agreements));
    beans.put("closeAgreementListener", new CloseAgreementListener(agreements));
  }

  /** The engine's database, with the application's tables migrated. */
  public static DataSource dataSource(ProcessEngine engine) {
    ProcessEngineConfigurationImpl configuration = ((ProcessEngineImpl) engine).getProcessEngineConfiguration();
    if (MIGRATED.add(engine.getName())) {
      Flyway.configure().dataSource(configuration.getJdbcUrl(), configuration.getJdbcUsername(), configuration.getJdbcPassword())
          .baselineOnMigrate(true).baselineVersion("0").load().migrate();
    }
    return configuration.getDataSource();
  }

  /** Creates a user once, member of the given groups (which are created when missing). */
  public static void user(IdentityService identity, String id, String... groups) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName(id);
      user.setLastName("Test");
      user.setEmail(id + "@test.example");
      identity.saveUser(user);
    }
    for (String group : groups) {
      if (identity.createGroupQuery().groupId(group).count() == 0) {
        identity.saveGroup(identity.newGroup(group));
      }
      if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
        identity.createMembership(id, group);
      }
    }
  }

  /** The parcours is led by France Travail Avignon, Karim Benali its référent (created when missing). */
  public static VariableMap ledByKarim(IdentityService identity, VariableMap variables) {
    user(identity, "karim.benali", "structure-ft-avignon");
    variables.putValue(ParcoursProcess.LEAD_REFERENT.getName(), "karim.benali");
    variables.putValue(OrientationProcess.LEAD_ORGANISATION.getName(), "structure-ft-avignon");
    return variables;
  }

  /** The variables a parcours starts with, for Amina Diallo of the given postcode. */
  public static VariableMap person(String parcoursId, EntryChannel channel, String postcode) {
    return CamundaBpmData.builder()
        .set(ParcoursProcess.PARCOURS_ID, parcoursId)
        .set(ParcoursProcess.ENTRY_CHANNEL, channel.name())
        .set(ParcoursProcess.ENTRY_DATE, ClockUtil.getCurrentTime())
        .set(ParcoursProcess.PERSON_FIRST_NAME, "Amina")
        .set(ParcoursProcess.PERSON_LAST_NAME, "Diallo")
        .set(ParcoursProcess.PERSON_BIRTH_DATE, Date.from(LocalDate.of(1988, 3, 14).atStartOfDay(TERRITORY.timeZone()).toInstant()))
        .set(ParcoursProcess.PERSON_EMAIL, "amina.diallo@exemple.example")
        .set(ParcoursProcess.POSTCODE, postcode)
        .set(ParcoursProcess.EMPLOYMENT_AREA, TERRITORY.areaOfPostcode(postcode).orElseThrow().code())
        .build();
  }

  public static String subject(jakarta.mail.Message mail) {
    try {
      return mail.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The mail's addressees, as written. */
  public static List<String> recipients(jakarta.mail.Message mail) {
    try {
      return Arrays.stream(mail.getAllRecipients()).map(Object::toString).toList();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The mail's HTML. */
  public static String content(jakarta.mail.Message mail) {
    try {
      return String.valueOf(mail.getContent());
    } catch (jakarta.mail.MessagingException | java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static Date at(int year, int month, int day, int hour, int minute) {
    return Date.from(LocalDateTime.of(year, month, day, hour, minute).atZone(TERRITORY.timeZone()).toInstant());
  }
}
