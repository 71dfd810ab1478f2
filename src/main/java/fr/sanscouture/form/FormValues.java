package fr.sanscouture.form;

import io.holunda.camunda.bpm.data.factory.VariableFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.json.SpinJsonNode;

/** What the completion listeners read of the values a Camunda Form submits. */
public final class FormValues {

  private FormValues() {}

  /** Whether a text field was left empty or blank. */
  public static boolean isBlank(VariableFactory<String> field, VariableScope scope) {
    return field.from(scope).getOptional().map(String::isBlank).orElse(true);
  }

  /** The values ticked in a checklist: Tasklist submits a JSON array, tests may pass a collection. */
  public static List<String> checklist(Object value) {
    List<String> values = new ArrayList<>();
    if (value instanceof SpinJsonNode json && json.isArray()) {
      json.elements().forEach(element -> values.add(element.stringValue()));
    } else if (value instanceof Collection<?> collection) {
      collection.forEach(element -> values.add(String.valueOf(element)));
    }
    return values;
  }
}
