package fr.sanscouture.reception;

import static fr.sanscouture.parcours.ParcoursProcess.EMPLOYMENT_AREA;
import static fr.sanscouture.reception.ReceptionProcess.RECEPTION_MANAGERS;
import static fr.sanscouture.reception.ReceptionProcess.RECEPTION_ORGANISATION;

import fr.sanscouture.escalation.EscalationChain;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code Task_ReferToManager} of the reception: the responsables of the reception
 * structure receive the case. A structure without a responsable does not stop the
 * parcours: the animateurs of the bassin review it, or else the direction ({@link EscalationChain#answerableFor}).
 */
@Component("referReceptionToManagerDelegate")
public class ReferReceptionToManagerDelegate implements JavaDelegate {

  private final EscalationChain chain;

  public ReferReceptionToManagerDelegate(EscalationChain chain) {
    this.chain = chain;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String organisation = RECEPTION_ORGANISATION.from(execution).get();
    List<String> managers = chain.answerableFor(organisation, EMPLOYMENT_AREA.from(execution).get());
    if (managers.isEmpty()) {
      throw new IllegalStateException("Personne pour revoir l'accueil : " + organisation
          + " n'a pas de responsable, le bassin pas d'animateur, le Département pas de direction de l'insertion");
    }
    RECEPTION_MANAGERS.on(execution).set(String.join(",", managers));
  }
}
