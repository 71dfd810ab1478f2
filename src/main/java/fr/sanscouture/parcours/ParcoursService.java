package fr.sanscouture.parcours;

import static fr.sanscouture.parcours.ParcoursProcess.*;

import fr.sanscouture.territory.Territory;
import io.holunda.camunda.bpm.data.CamundaBpmData;
import java.time.LocalTime;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Starts and ends parcours, keeping each person to one active parcours. */
@Service
public class ParcoursService {

  private final RuntimeService runtimeService;
  private final ActiveParcoursRegistry registry;
  private final Territory territory;
  private final TransactionTemplate transaction;

  ParcoursService(RuntimeService runtimeService, ActiveParcoursRegistry registry, Territory territory,
      TransactionTemplate transaction) {
    this.runtimeService = runtimeService;
    this.registry = registry;
    this.territory = territory;
    this.transaction = transaction;
  }

  /**
   * Starts the parcours of a person; callers check who may (the API: partner systems only).
   *
   * @throws ParcoursAlreadyActiveException if the person already has an active parcours
   */
  public StartedParcours start(NewParcours person) {
    String parcoursId = UUID.randomUUID().toString();
    String area = territory.areaOfPostcode(person.postcode())
        .orElseThrow(() -> new IllegalArgumentException("Postcode outside the territory: " + person.postcode()))
        .code();
    try {
      return transaction.execute(status -> {
        registry.claim(parcoursId, person.personKeys());
        ProcessInstance instance = runtimeService.createMessageCorrelation(MESSAGE_ENTRY_RECEIVED)
            .processInstanceBusinessKey(parcoursId)
            .setVariables(CamundaBpmData.builder()
                .set(PARCOURS_ID, parcoursId)
                .set(ENTRY_CHANNEL, person.entryChannel().name())
                .set(ENTRY_DATE, ClockUtil.getCurrentTime())
                .set(PERSON_FIRST_NAME, person.firstName())
                .set(PERSON_LAST_NAME, person.lastName())
                .set(PERSON_BIRTH_DATE, territory.at(person.birthDate(), LocalTime.MIDNIGHT))
                .set(PERSON_EMAIL, person.email())
                .set(POSTCODE, person.postcode())
                .set(EMPLOYMENT_AREA, area)
                .build())
            .correlateStartMessage();
        return new StartedParcours(parcoursId, instance.getId(), area);
      });
    } catch (DuplicateKeyException e) {
      throw new ParcoursAlreadyActiveException(registry.activeParcoursOf(person.personKeys()).orElseThrow(() -> e));
    }
  }

  /**
   * Ends the active parcours of the person the CAF or MSA identifies, for the end of their RSA rights.
   *
   * @return the id of the parcours ended, or empty when the person has no active parcours
   */
  public Optional<String> endRsaRights(String cafNumber, String msaNumber) {
    Optional<String> parcoursId = registry.activeParcoursOf(PersonKeys.ofAllocataire(cafNumber, msaNumber));
    parcoursId.ifPresent(id -> runtimeService.createMessageCorrelation(MESSAGE_RSA_RIGHTS_ENDED)
        .processInstanceBusinessKey(id)
        .setVariable(EXIT_REASON.getName(), ExitReason.RSA_RIGHTS_ENDED.name())
        .correlate());
    return parcoursId;
  }

  /** Frees the person for a new parcours; called when the parcours ends or is erased. */
  public void release(String parcoursId) {
    registry.release(parcoursId);
  }
}
