package fr.sanscouture.followup;

import static fr.sanscouture.followup.FollowUpProcess.*;
import static fr.sanscouture.parcours.ParcoursProcess.EXIT_REASON;
import static fr.sanscouture.parcours.ParcoursProcess.FOLLOW_UP_RESULT;

import fr.sanscouture.contribution.ContributionRequests;
import fr.sanscouture.parcours.ExitReason;
import java.util.Set;
import fr.sanscouture.form.FormValues;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of every milestone, {@code Task_HoldMilestone} among them ({@link MilestonePlugin}):
 * a milestone records the progress on the actions and a decision; a réorientation needs its reason, an
 * exit its reason (a job, 6 months or more), a request for contributions its structures, barrier and
 * question.
 */
@Component("milestoneHeldListener")
public class MilestoneHeldListener implements TaskListener {

  private static final Set<ExitReason> DECLARED_EXITS = Set.of(
      ExitReason.SUSTAINABLE_JOB, ExitReason.QUALIFYING_TRAINING, ExitReason.MOVED_AWAY, ExitReason.ABANDONMENT);

  private final ContributionRequests contributionRequests;

  public MilestoneHeldListener(ContributionRequests contributionRequests) {
    this.contributionRequests = contributionRequests;
  }

  @Override
  public void notify(DelegateTask task) {
    if (FormValues.isBlank(ACTIONS_PROGRESS, task)) {
      throw new BadUserRequestException("Décrivez l'avancement des actions du contrat depuis le dernier point d'étape.");
    }
    MilestoneDecision decision = FormValues.option(task.getVariable(DECISION.getName()), MilestoneDecision.class)
        .orElseThrow(() -> new BadUserRequestException("Choisissez la suite du parcours."));
    switch (decision) {
      case CONTINUE, IMMERSION -> { }
      case CONTRIBUTIONS -> {
        if (!contributionRequests.prepare(task)) {
          throw new BadUserRequestException("Cochez au moins une structure à solliciter.");
        }
      }
      case REORIENT -> {
        if (FormValues.isBlank(REORIENTATION_REASON, task)) {
          throw new BadUserRequestException("Indiquez pourquoi vous demandez une réorientation.");
        }
        FOLLOW_UP_RESULT.on(task).set(REORIENTATION);
      }
      case EXIT -> {
        ExitReason reason = FormValues.option(task.getVariable(EXIT_REASON.getName()), ExitReason.class).filter(DECLARED_EXITS::contains)
            .orElseThrow(() -> new BadUserRequestException("Indiquez le motif de la sortie du parcours."));
        if (reason == ExitReason.SUSTAINABLE_JOB && !ExitReason.isSustainableJob(JOB_PERMANENT.from(task).getOptional().orElse(false),
            FormValues.wholeNumber(task.getVariable(JOB_DURATION_MONTHS)).orElse(null))) {
          throw new BadUserRequestException("Un emploi durable est un CDI ou un contrat de " + ExitReason.SUSTAINABLE_JOB_MONTHS
              + " mois ou plus : indiquez sa durée.");
        }
        FOLLOW_UP_RESULT.on(task).set(EXIT);
      }
    }
  }
}
