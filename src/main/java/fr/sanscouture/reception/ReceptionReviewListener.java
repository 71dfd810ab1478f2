package fr.sanscouture.reception;

import static fr.sanscouture.parcours.ParcoursProcess.EXIT_REASON;
import static fr.sanscouture.reception.ReceptionProcess.ABANDONED;
import static fr.sanscouture.reception.ReceptionProcess.CLOSE;
import static fr.sanscouture.reception.ReceptionProcess.INVITE_AGAIN;
import static fr.sanscouture.reception.ReceptionProcess.REVIEW_DECISION;
import static fr.sanscouture.reception.ReceptionProcess.RECEPTION_RESULT;
import static fr.sanscouture.reception.ReceptionProcess.REVIEW_REASON;

import fr.sanscouture.parcours.ExitReason;

import fr.sanscouture.form.FormValues;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of {@code Task_ReviewReception}: the responsable invites once more or closes the
 * parcours, and a closure states its reason; a closure is the parcours' exit for abandonment.
 */
@Component("receptionReviewListener")
public class ReceptionReviewListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    String decision = REVIEW_DECISION.from(task).getOptional().orElse("");
    if (!decision.equals(INVITE_AGAIN) && !decision.equals(CLOSE)) {
      throw new BadUserRequestException("Choisissez : inviter la personne une nouvelle fois ou clore le parcours.");
    }
    if (decision.equals(CLOSE) && FormValues.isBlank(REVIEW_REASON, task)) {
      throw new BadUserRequestException("Indiquez le motif de la clôture du parcours.");
    }
    if (decision.equals(CLOSE)) {
      RECEPTION_RESULT.on(task).set(ABANDONED);
      EXIT_REASON.on(task).set(ExitReason.ABANDONMENT.name());
    }
  }
}
