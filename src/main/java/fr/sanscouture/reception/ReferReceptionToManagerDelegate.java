package fr.sanscouture.reception;

import static fr.sanscouture.reception.ReceptionProcess.RECEPTION_MANAGERS;
import static fr.sanscouture.reception.ReceptionProcess.RECEPTION_ORGANISATION;

import fr.sanscouture.identity.Directory;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code Task_ReferToManager} of the reception: the responsables of the reception
 * structure receive the case. A structure without a responsable is an incident, never a lost case.
 */
@Component("referReceptionToManagerDelegate")
public class ReferReceptionToManagerDelegate implements JavaDelegate {

  private final Directory directory;

  public ReferReceptionToManagerDelegate(Directory directory) {
    this.directory = directory;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String organisation = RECEPTION_ORGANISATION.from(execution).get();
    List<String> managers = directory.managersOf(organisation);
    if (managers.isEmpty()) {
      throw new IllegalStateException("No responsable de structure in " + organisation + " to review the reception");
    }
    RECEPTION_MANAGERS.on(execution).set(String.join(",", managers));
  }
}
