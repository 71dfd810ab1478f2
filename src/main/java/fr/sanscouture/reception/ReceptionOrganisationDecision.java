package fr.sanscouture.reception;

/**
 * Descriptor of {@code processes/reception-organisation.dmn}: which type of structure receives a
 * person, given how they entered. Evaluated by the business rule task
 * {@code Task_DecideReceptionOrganisation} of the parcours.
 */
public final class ReceptionOrganisationDecision {

  public static final String KEY = "ReceptionOrganisation";
  public static final String RESOURCE = "processes/reception-organisation.dmn";
  /** Input: an {@code EntryChannel} name. */
  public static final String INPUT_ENTRY_CHANNEL = "entryChannel";
  /** Output: an {@code OrganisationType} name. */
  public static final String OUTPUT_ORGANISATION_TYPE = "organisationType";

  private ReceptionOrganisationDecision() {}
}
