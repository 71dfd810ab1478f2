package fr.sanscouture.parcours;

/** A partner's event names a person who has no active parcours: nothing was changed. */
public class NoActiveParcoursException extends RuntimeException {

  NoActiveParcoursException() {
    super("No active parcours for the person named by the partner");
  }
}
