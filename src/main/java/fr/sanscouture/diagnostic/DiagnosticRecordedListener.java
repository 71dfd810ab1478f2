package fr.sanscouture.diagnostic;

import static fr.sanscouture.diagnostic.DiagnosticProcess.CAN_PICTURE_JOB;
import static fr.sanscouture.diagnostic.DiagnosticProcess.CONTRIBUTIONS_REQUESTED;
import static fr.sanscouture.diagnostic.DiagnosticProcess.DECLINES_SPECIALISED;
import static fr.sanscouture.diagnostic.DiagnosticProcess.QUALIFICATION_LEVEL;
import static fr.sanscouture.diagnostic.DiagnosticProcess.RECENT_ACTIVITY;
import static fr.sanscouture.diagnostic.DiagnosticProcess.RQTH;

import fr.sanscouture.contribution.ContributionRequests;
import fr.sanscouture.form.FormValues;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of {@code Task_RecordDiagnostic}: the criteria of the 2024 referential and every
 * barrier must be recorded; the contributions asked for are prepared.
 */
@Component("diagnosticRecordedListener")
public class DiagnosticRecordedListener implements TaskListener {

  private final ContributionRequests contributionRequests;

  public DiagnosticRecordedListener(ContributionRequests contributionRequests) {
    this.contributionRequests = contributionRequests;
  }

  @Override
  public void notify(DelegateTask task) {
    if (RECENT_ACTIVITY.from(task).getOptional().isEmpty() || CAN_PICTURE_JOB.from(task).getOptional().isEmpty()) {
      throw new BadUserRequestException(
          "Indiquez l'activité récente de la personne et si elle se projette dans un emploi.");
    }
    if (FormValues.option(task.getVariable(QUALIFICATION_LEVEL.getName()), QualificationLevel.class).isEmpty()) {
      throw new BadUserRequestException("Indiquez le niveau de qualification de la personne.");
    }
    DiagnosticRules.checkAndCountBarriers(task);
    RQTH.on(task).set(RQTH.from(task).getOptional().orElse(false));
    DECLINES_SPECIALISED.on(task).set(DECLINES_SPECIALISED.from(task).getOptional().orElse(false));
    CONTRIBUTIONS_REQUESTED.on(task).set(contributionRequests.prepare(task));
  }
}
