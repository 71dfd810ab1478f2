package fr.sanscouture.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.holunda.camunda.bpm.data.factory.VariableFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.json.SpinJsonNode;

/** What the completion listeners read of the values a Camunda Form submits. */
public final class FormValues {

  private static final ObjectMapper JSON = new ObjectMapper();

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

  /**
   * The values a field of the task's own form offers (a checklist's, a select's): what the form that the
   * coordinators deploy lists, so that a value no form offers — sent through the API — is refused.
   */
  public static Set<String> offered(DelegateTask task, String fieldKey) {
    try (InputStream form = task.getProcessEngineServices().getFormService().getDeployedTaskForm(task.getId())) {
      Set<String> values = new LinkedHashSet<>();
      for (JsonNode field : JSON.readTree(form).findParents("key")) {
        if (fieldKey.equals(field.path("key").asText())) {
          field.path("values").forEach(option -> values.add(option.path("value").asText()));
        }
      }
      return values;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
