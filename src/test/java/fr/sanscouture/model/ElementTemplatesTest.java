package fr.sanscouture.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.junit.jupiter.api.Test;

/**
 * The Modeler's building blocks ({@code processes/.camunda/element-templates/}) say in French what they
 * do, and bind exactly what the models drawn with them hold, so that the process tests of those models
 * prove the templates too.
 */
class ElementTemplatesTest {

  @Test
  void eachBuildingBlockOfTheParcoursHasItsTemplate() {
    assertThat(ElementTemplates.all()).extracting(template -> template.get("id").asText()).containsExactly(
        "fr.sanscouture.notify-role", "fr.sanscouture.escalate-next-level", "fr.sanscouture.ask-contributions",
        "fr.sanscouture.orientation-decision", "fr.sanscouture.start-immersion", "fr.sanscouture.milestone");
  }

  @Test
  void everyTemplateAndEveryFieldACoordinatorFillsIsLabelledInFrench() {
    List<String> breaches = new ArrayList<>();
    for (JsonNode template : ElementTemplates.all()) {
      String id = template.get("id").asText();
      if (template.has("$schema")) {
        breaches.add(id + " names a schema address");
      }
      if (!isFrench(template.path("name").asText()) || !isFrench(template.path("description").asText())) {
        breaches.add(id + " has no French name or description");
      }
      template.get("properties").forEach(property -> {
        if (!property.get("type").asText().equals("Hidden") && !isFrench(property.path("label").asText())) {
          breaches.add(id + ": a field bound to " + property.get("binding") + " has no French label");
        }
      });
    }
    assertThat(breaches).isEmpty();
  }

  @Test
  void theModelsDrawnWithATemplateHoldWhatItBinds() {
    List<String> breaches = new ArrayList<>();
    Set<String> used = new TreeSet<>();
    templated().forEach((where, element) -> {
      String id = element.getAttributeValueNs(BpmnModelConstants.CAMUNDA_NS, "modelerTemplate");
      used.add(id);
      JsonNode template = ElementTemplates.template(id);
      if (!template.get("version").asText().equals(element.getAttributeValueNs(BpmnModelConstants.CAMUNDA_NS, "modelerTemplateVersion"))) {
        breaches.add(where + " was drawn with another version of " + id);
      }
      template.get("properties").forEach(property -> {
        String held = ElementTemplates.bound(element, property.get("binding")).orElse(null);
        if (property.get("type").asText().equals("Hidden") && !property.get("value").asText().equals(held)) {
          breaches.add(where + " holds " + held + " where " + id + " binds " + property.get("value") + " (" + property.get("binding") + ")");
        } else if (property.path("constraints").path("notEmpty").asBoolean() && (held == null || held.isBlank())) {
          breaches.add(where + " leaves empty the field « " + property.get("label").asText() + " » of " + id);
        }
      });
    });
    assertThat(breaches).isEmpty();
    // the one template no model uses yet is proven by its own process test (NotifyRoleTemplateTest)
    assertThat(used).containsExactlyInAnyOrder("fr.sanscouture.escalate-next-level", "fr.sanscouture.ask-contributions",
        "fr.sanscouture.orientation-decision", "fr.sanscouture.start-immersion", "fr.sanscouture.milestone");
  }

  /** French, as far as a test can tell: not blank, and with a French word or letter. */
  private static boolean isFrench(String text) {
    return !text.isBlank() && (text.matches("(?s).*[éèêàçôûœ].*") || text.matches("(?is).*\\b(le|la|les|un|une|de|du|des|et|nom|qui)\\b.*"));
  }

  /** Every element of processes/ drawn with a template, by « file: id ». */
  private static Map<String, BaseElement> templated() {
    Map<String, BaseElement> elements = new TreeMap<>();
    Workspace.byFileName().forEach((file, content) -> {
      if (file.endsWith(".bpmn")) {
        Bpmn.readModelFromStream(new ByteArrayInputStream(content)).getModelElementsByType(BaseElement.class).stream()
            .filter(element -> element.getAttributeValueNs(BpmnModelConstants.CAMUNDA_NS, "modelerTemplate") != null)
            .forEach(element -> elements.put(file + ": " + element.getId(), element));
      }
    });
    return elements;
  }
}
