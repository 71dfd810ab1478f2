package fr.sanscouture.leadreferent;

import fr.sanscouture.parcours.ParcoursProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** How many active parcours a référent leads. */
@Component
public class Caseloads {

  private final RuntimeService runtimeService;

  public Caseloads(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  public long of(String referentId) {
    return runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(ParcoursProcess.KEY)
        .variableValueEquals(ParcoursProcess.LEAD_REFERENT.getName(), referentId)
        .count();
  }
}
