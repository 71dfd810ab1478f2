package fr.sanscouture.orientation;

import static fr.sanscouture.orientation.OrientationProcess.*;
import static fr.sanscouture.parcours.ParcoursProcess.EMPLOYMENT_AREA;

import fr.sanscouture.access.ParcoursAccess;
import fr.sanscouture.form.FormValues;
import fr.sanscouture.territory.OrganisationType;
import fr.sanscouture.territory.Territory;
import java.util.Arrays;
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
    String path;
    String type;
    if (decision.equals(CONFIRM)) {
      path = PROPOSED_PATH.from(task).get();
      type = PROPOSED_ORGANISATION_TYPE.from(task).get();
    } else if (decision.equals(OVERRIDE)) {
      path = OVERRIDE_PATH.from(task).getOptional().filter(OrientationDecidedListener::isPath)
          .orElseThrow(() -> new BadUserRequestException("Choisissez le parcours retenu."));
      type = OVERRIDE_ORGANISATION_TYPE.from(task).getOptional().filter(OrientationDecidedListener::isType)
          .orElseThrow(() -> new BadUserRequestException("Choisissez le type de structure référente retenu."));
      if (FormValues.isBlank(OVERRIDE_REASON, task)) {
        throw new BadUserRequestException("Indiquez le motif pour lequel vous ne suivez pas la proposition.");
      }
    } else {
      throw new BadUserRequestException("Confirmez la proposition ou choisissez une autre orientation.");
    }
    String area = EMPLOYMENT_AREA.from(task).get();
    OrganisationType organisationType = OrganisationType.valueOf(type);
    String lead = territory.findServing(organisationType, area)
        .orElseThrow(() -> new BadUserRequestException(territory.noneServing(organisationType, area)))
        .groupId();
    ORIENTATION_PATH.on(task).set(path);
    LEAD_ORGANISATION_TYPE.on(task).set(type);
    LEAD_ORGANISATION.on(task).set(lead);
    ParcoursAccess.of(task.getProcessEngineServices()).takeCharge(task.getExecution(), lead);
    ORIENTATION_DATE.on(task).set(ClockUtil.getCurrentTime());
    ORIENTATION_COUNT.on(task).set(ORIENTATION_COUNT.from(task).getOptional().orElse(0) + 1);
  }

  private static boolean isPath(String value) {
    return Arrays.stream(OrientationPath.values()).anyMatch(path -> path.name().equals(value));
  }

  private static boolean isType(String value) {
    return Arrays.stream(OrganisationType.values()).anyMatch(type -> type.name().equals(value));
  }
}
