package fr.sanscouture.identity;

/**
 * The people's roles in the parcours (README « Demo accounts »), each a Camunda group "role-&lt;code&gt;" of
 * type {@link #GROUP_TYPE}. A user has one role group, one structure group and, for the people working in
 * a bassin, one bassin group.
 */
public enum Role {
  REFERENT("referent", "Référents"),
  PARTENAIRE("partenaire", "Partenaires contributeurs"),
  CHARGE_ORIENTATION("charge-orientation", "Chargés d'orientation"),
  RESPONSABLE("responsable", "Responsables de structure"),
  ANIMATEUR("animateur", "Animateurs de bassin"),
  PILOTE("pilote", "Pilotes"),
  /** The Département's direction of insertion: the last level of the escalation chain. */
  DIRECTION("direction", "Direction de l'insertion (Département)"),
  /** Technical accounts of partner systems (CAF/MSA flows, France Travail) that call the API. */
  FLUX_PARTENAIRE("flux-partenaire", "Systèmes partenaires (API)"),
  /** The monitoring accounts that scrape the metrics ({@code /actuator/prometheus}), and nothing else. */
  SUPERVISION("supervision", "Supervision technique (métriques)");

  public static final String GROUP_TYPE = "ROLE";
  public static final String STRUCTURE_GROUP_TYPE = "STRUCTURE";
  public static final String BASSIN_GROUP_TYPE = "BASSIN";

  private final String code;
  private final String label;

  Role(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String groupId() {
    return "role-" + code;
  }

  public String label() {
    return label;
  }
}
