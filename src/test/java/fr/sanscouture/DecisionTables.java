package fr.sanscouture;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;

/** A decision table of {@code processes/}, evaluated alone with the DMN engine. */
public final class DecisionTables {

  private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  private final DmnDecision decision;

  public DecisionTables(String resource, String key) {
    try (InputStream model = DecisionTables.class.getClassLoader().getResourceAsStream(resource)) {
      decision = DMN.parseDecision(key, model);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The single result of the table (a FIRST or UNIQUE table answers one row). */
  public DmnDecisionResultEntries evaluate(Map<String, Object> inputs) {
    return DMN.evaluateDecision(decision, inputs).getSingleResult();
  }
}
