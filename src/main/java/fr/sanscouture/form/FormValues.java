package fr.sanscouture.form;

import io.holunda.camunda.bpm.data.factory.VariableFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.json.SpinJsonNode;

/** What the completion listeners read of the values a Camunda Form submits. */
public final class FormValues {

  private FormValues() {}

  /** Whether a text field was left empty or blank. */
  public static boolean isBlank(VariableFactory<String> field, VariableScope scope) {
    return field.from(scope).getOptional().map(String::isBlank).orElse(true);
  }

  /** The constant an option field submitted, by its name; empty when none was chosen or it is unknown. */
  public static <E extends Enum<E>> Optional<E> option(Object value, Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.name().equals(value)).findFirst();
  }

  /** A whole number, as a number field submits it (a Long or a Double) or as a page's field sends digits. */
  public static Optional<Integer> wholeNumber(Object value) {
    if (value instanceof Number number && number.doubleValue() == Math.floor(number.doubleValue())) {
      return Optional.of(number.intValue());
    }
    if (value instanceof String text && text.strip().matches("\\d{1,9}")) {
      return Optional.of(Integer.valueOf(text.strip()));
    }
    return Optional.empty();
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
