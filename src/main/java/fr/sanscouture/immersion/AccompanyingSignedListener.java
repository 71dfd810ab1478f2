package fr.sanscouture.immersion;

import static fr.sanscouture.immersion.ImmersionProcess.ACCOMPANYING_SIGNED;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Complete listener of {@code Task_SignAsAccompanyingStructure}: the lead structure's référent signs. */
@Component("accompanyingSignedListener")
public class AccompanyingSignedListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    if (!ACCOMPANYING_SIGNED.from(task).getOptional().orElse(false)) {
      throw new BadUserRequestException("Cochez la case de signature pour signer la convention au nom de votre structure.");
    }
  }
}
