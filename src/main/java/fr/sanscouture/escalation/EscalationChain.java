package fr.sanscouture.escalation;

import fr.sanscouture.identity.Directory;
import fr.sanscouture.identity.Role;
import fr.sanscouture.territory.Territory;
import java.util.List;
import org.springframework.stereotype.Component;

/** Who answers for an overdue task at each level of the escalation chain. */
@Component
public class EscalationChain {

  private final Directory directory;
  private final Territory territory;

  public EscalationChain(Directory directory, Territory territory) {
    this.directory = directory;
    this.territory = territory;
  }

  /** The user ids of the level's people, for a task of the structure (when it has one) and the bassin. */
  public List<String> recipients(EscalationLevel level, String organisationGroupId, String areaCode) {
    return switch (level) {
      case RESPONSABLE -> organisationGroupId == null ? List.of() : directory.managersOf(organisationGroupId);
      case ANIMATEUR -> directory.idsOfAll(territory.area(areaCode).groupId(), Role.ANIMATEUR.groupId());
      case DIRECTION -> directory.idsOfAll(Role.DIRECTION.groupId());
    };
  }

  /**
   * Who takes a structure's decision: its responsables; a structure without one does not stop the
   * parcours, the decision goes up the chain — the animateurs of the bassin, then the Département's
   * direction. Empty only when nobody holds any of these roles.
   */
  public List<String> answerableFor(String organisationGroupId, String areaCode) {
    for (EscalationLevel level : EscalationLevel.values()) {
      List<String> people = recipients(level, organisationGroupId, areaCode);
      if (!people.isEmpty()) {
        return people;
      }
    }
    return List.of();
  }
}
