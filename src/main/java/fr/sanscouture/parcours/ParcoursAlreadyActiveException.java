package fr.sanscouture.parcours;

/** The person already has an active parcours; nothing was started. */
public class ParcoursAlreadyActiveException extends RuntimeException {

  private final String parcoursId;

  ParcoursAlreadyActiveException(String parcoursId) {
    super("The person already has the active parcours " + parcoursId);
    this.parcoursId = parcoursId;
  }

  public String parcoursId() {
    return parcoursId;
  }
}
