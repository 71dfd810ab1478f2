package fr.sanscouture.parcours;

import static fr.sanscouture.parcours.ParcoursProcess.PARCOURS_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End listener of the process {@code parcours}: however the parcours ends (exit, cancellation in
 * Cockpit), the person may enter again.
 */
@Component("releaseParcoursListener")
class ReleaseParcoursListener implements ExecutionListener {

  private final ParcoursService parcoursService;

  ReleaseParcoursListener(ParcoursService parcoursService) {
    this.parcoursService = parcoursService;
  }

  @Override
  public void notify(DelegateExecution execution) {
    parcoursService.release(PARCOURS_ID.from(execution).get());
  }
}
