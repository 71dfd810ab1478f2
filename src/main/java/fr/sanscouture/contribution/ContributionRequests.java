package fr.sanscouture.contribution;

import static fr.sanscouture.contribution.ContributionsProcess.BARRIER;
import static fr.sanscouture.contribution.ContributionsProcess.BARRIER_LABEL;
import static fr.sanscouture.contribution.ContributionsProcess.CONTRIBUTORS;
import static fr.sanscouture.contribution.ContributionsProcess.QUESTION;

import fr.sanscouture.diagnostic.Barrier;
import fr.sanscouture.parcours.ParcoursProcess;
import fr.sanscouture.territory.OrganisationType;
import fr.sanscouture.territory.Territory;
import java.util.ArrayList;
import java.util.List;
import fr.sanscouture.form.FormValues;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Turns a référent's request for contributions (structure types ticked in a form, one barrier, a
 * question) into the structures of the person's bassin to ask. Used where a form may request them: the
 * diagnostic and the milestones.
 */
@Component
public class ContributionRequests {

  /** The checklist of the forms: {@code OrganisationType} names. */
  public static final String REQUESTED_TYPES = "contributionOrganisationTypes";

  private final Territory territory;

  public ContributionRequests(Territory territory) {
    this.territory = territory;
  }

  /**
   * Reads the request; answers whether contributions were requested, and if so sets the variables that
   * {@code processes/contributions.bpmn} reads. Refuses in French a request without barrier, question or
   * structure in the bassin.
   */
  public boolean prepare(VariableScope scope) {
    List<String> types = FormValues.checklist(scope.getVariable(REQUESTED_TYPES));
    if (types.isEmpty()) {
      return false;
    }
    Barrier barrier = BARRIER.from(scope).getOptional().filter(name -> !name.isBlank()).map(Barrier::valueOf)
        .orElseThrow(() -> new BadUserRequestException("Indiquez le frein sur lequel vous demandez une contribution."));
    if (FormValues.isBlank(QUESTION, scope)) {
      throw new BadUserRequestException("Indiquez votre question aux structures partenaires.");
    }
    String area = ParcoursProcess.EMPLOYMENT_AREA.from(scope).get();
    List<String> contributors = new ArrayList<>();
    for (String type : types) {
      OrganisationType organisationType = OrganisationType.valueOf(type);
      contributors.add(territory.findServing(organisationType, area)
          .orElseThrow(() -> new BadUserRequestException(territory.noneServing(organisationType, area)))
          .groupId());
    }
    CONTRIBUTORS.on(scope).set(contributors);
    BARRIER_LABEL.on(scope).set(barrier.label());
    return true;
  }
}
