package fr.sanscouture.orientation;

import static fr.sanscouture.orientation.OrientationProcess.*;
import static fr.sanscouture.parcours.ParcoursProcess.EMPLOYMENT_AREA;

import fr.sanscouture.access.ParcoursAccess;
import fr.sanscouture.form.FormValues;
import fr.sanscouture.territory.OrganisationType;
import fr.sanscouture.territory.Territory;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Complete listener of {@code Task_ConfirmOrientation}: the chargé d'orientation confirms the proposal,
 * or overrides it with a path, a structure type and a reason; the lead structure is the one of that type
 * in the person's bassin.
 */
@Component("orientationDecidedListener")
public class OrientationDecidedListener implements TaskListener {

  private final Territory territory;

  public OrientationDecidedListener(Territory territory) {
    this.territory = territory;
  }

  @Override
  public void notify(DelegateTask task) {
    String decision = DECISION.from(task).getOptional().orElse("");
    OrientationPath path;
    OrganisationType type;
    if (decision.equals(CONFIRM)) {
      path = OrientationPath.valueOf(PROPOSED_PATH.from(task).get());
      type = OrganisationType.valueOf(PROPOSED_ORGANISATION_TYPE.from(task).get());
    } else if (decision.equals(OVERRIDE)) {
      path = FormValues.option(task.getVariable(OVERRIDE_PATH.getName()), OrientationPath.class)
          .orElseThrow(() -> new BadUserRequestException("Choisissez le parcours retenu."));
      type = FormValues.option(task.getVariable(OVERRIDE_ORGANISATION_TYPE.getName()), OrganisationType.class)
          .orElseThrow(() -> new BadUserRequestException("Choisissez le type de structure référente retenu."));
      if (FormValues.isBlank(OVERRIDE_REASON, task)) {
        throw new BadUserRequestException("Indiquez le motif pour lequel vous ne suivez pas la proposition.");
      }
    } else {
      throw new BadUserRequestException("Confirmez la proposition ou choisissez une autre orientation.");
    }
    String area = EMPLOYMENT_AREA.from(task).get();
    String lead = territory.findServing(type, area)
        .orElseThrow(() -> new BadUserRequestException(territory.noneServing(type, area)))
        .groupId();
    ORIENTATION_PATH.on(task).set(path.name());
    LEAD_ORGANISATION_TYPE.on(task).set(type.name());
    LEAD_ORGANISATION.on(task).set(lead);
    ParcoursAccess.of(task.getProcessEngineServices()).takeCharge(task.getExecution(), lead);
    ORIENTATION_DATE.on(task).set(ClockUtil.getCurrentTime());
    ORIENTATION_COUNT.on(task).set(ORIENTATION_COUNT.from(task).getOptional().orElse(0) + 1);
  }
}
