package fr.sanscouture.diagnostic;

import static io.holunda.camunda.bpm.data.CamundaBpmData.stringVariable;

import io.holunda.camunda.bpm.data.factory.VariableFactory;

/** The barriers (freins) of the shared diagnostic, each graded with a {@link BarrierImpact}. */
public enum Barrier {
  HEALTH("barrierHealth", "santé"),
  HOUSING("barrierHousing", "logement"),
  MOBILITY("barrierMobility", "mobilité"),
  CHILDCARE("barrierChildcare", "garde d'enfant"),
  CAREGIVER("barrierCaregiver", "proche aidant"),
  LANGUAGE("barrierLanguage", "langue"),
  DIGITAL("barrierDigital", "numérique"),
  FINANCES("barrierFinances", "finances et démarches administratives");

  private final VariableFactory<String> variable;
  private final String label;

  Barrier(String variableName, String label) {
    this.variable = stringVariable(variableName);
    this.label = label;
  }

  /** The variable holding this barrier's {@link BarrierImpact} name. */
  public VariableFactory<String> variable() {
    return variable;
  }

  /** The French name of the barrier, as users read it. */
  public String label() {
    return label;
  }
}
