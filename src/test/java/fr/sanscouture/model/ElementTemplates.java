package fr.sanscouture.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOutputParameter;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The element templates of {@code processes/.camunda/element-templates/}, read and applied as the
 * Modeler does for the bindings they use.
 */
public final class ElementTemplates {

  public static final Path FILE = Path.of("processes/.camunda/element-templates/sans-couture.json");

  private ElementTemplates() {}

  public static List<JsonNode> all() {
    try {
      List<JsonNode> templates = new ArrayList<>();
      new ObjectMapper().readTree(FILE.toFile()).forEach(templates::add);
      return templates;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonNode template(String id) {
    return all().stream().filter(template -> template.get("id").asText().equals(id)).findFirst().orElseThrow();
  }

  /** The value the element holds where the binding points, as the Modeler would show it. */
  public static Optional<String> bound(BaseElement element, JsonNode binding) {
    return switch (binding.get("type").asText()) {
      case "property" -> Optional.ofNullable(attribute(element, binding.get("name").asText()));
      case "camunda:inputParameter" -> extensions(element, CamundaInputOutput.class)
          .flatMap(io -> io.getCamundaInputParameters().stream())
          .filter(parameter -> parameter.getCamundaName().equals(binding.get("name").asText()))
          .map(CamundaInputParameter::getTextContent).findFirst();
      case "camunda:outputParameter" -> extensions(element, CamundaInputOutput.class)
          .flatMap(io -> io.getCamundaOutputParameters().stream())
          .filter(parameter -> parameter.getTextContent().equals(binding.get("source").asText()))
          .map(CamundaOutputParameter::getCamundaName).findFirst();
      case "camunda:in" -> extensions(element, CamundaIn.class)
          .filter(in -> binding.get("target").asText().equals(in.getCamundaTarget())).map(CamundaIn::getCamundaSource).findFirst();
      case "camunda:in:businessKey" -> extensions(element, CamundaIn.class)
          .map(CamundaIn::getCamundaBusinessKey).filter(key -> key != null).findFirst();
      case "camunda:out" -> extensions(element, CamundaOut.class)
          .filter(out -> binding.get("source").asText().equals(out.getCamundaSource())).map(CamundaOut::getCamundaTarget).findFirst();
      default -> throw new IllegalArgumentException("A binding the project does not use: " + binding);
    };
  }

  /** Binds the value to the element, for the bindings of a service task (attributes and input parameters). */
  public static void apply(BaseElement element, JsonNode binding, String value) {
    switch (binding.get("type").asText()) {
      case "property" -> {
        String name = binding.get("name").asText();
        if (name.startsWith("camunda:")) {
          element.setAttributeValueNs(BpmnModelConstants.CAMUNDA_NS, name.substring("camunda:".length()), value);
        } else {
          element.setAttributeValue(name, value);
        }
      }
      case "camunda:inputParameter" -> {
        ExtensionElements extensions = element.getExtensionElements();
        if (extensions == null) {
          extensions = element.getModelInstance().newInstance(ExtensionElements.class);
          element.setExtensionElements(extensions);
        }
        CamundaInputOutput io = extensions(element, CamundaInputOutput.class).findFirst()
            .orElseGet(() -> element.getExtensionElements().addExtensionElement(CamundaInputOutput.class));
        CamundaInputParameter parameter = element.getModelInstance().newInstance(CamundaInputParameter.class);
        parameter.setCamundaName(binding.get("name").asText());
        parameter.setTextContent(value);
        io.getCamundaInputParameters().add(parameter);
      }
      default -> throw new IllegalArgumentException("Not applied in the tests: " + binding);
    }
  }

  private static String attribute(BaseElement element, String name) {
    return name.startsWith("camunda:")
        ? element.getAttributeValueNs(BpmnModelConstants.CAMUNDA_NS, name.substring("camunda:".length()))
        : element.getAttributeValue(name);
  }

  private static <T extends ModelElementInstance> Stream<T> extensions(BaseElement element, Class<T> type) {
    return element.getExtensionElements() == null ? Stream.empty()
        : element.getExtensionElements().getElementsQuery().filterByType(type).list().stream();
  }
}
