package fr.sanscouture.access;

import static fr.sanscouture.access.FormerReferentAccessProcess.FORMER_REFERENT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code Task_EndFormerReferentAccess}: the former référent no longer reads the parcours. */
@Component("endFormerReferentAccessDelegate")
public class EndFormerReferentAccessDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    ParcoursAccess.of(execution.getProcessEngineServices())
        .endFormerReferentAccess(execution.getProcessBusinessKey(), FORMER_REFERENT.from(execution).get());
  }
}
