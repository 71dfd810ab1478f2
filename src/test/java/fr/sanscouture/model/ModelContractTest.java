package fr.sanscouture.model;

import static org.assertj.core.api.Assertions.assertThat;

import fr.sanscouture.followup.FollowUpProcess;
import fr.sanscouture.immersion.ImmersionProcess;
import io.holunda.camunda.bpm.data.factory.VariableFactory;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The contract between the models in {@code processes/} and the code: what a coordinator may change in
 * the Modeler without breaking the application, checked on every build. Each failure names the file and
 * the element.
 */
class ModelContractTest {

  /** An expression's leading identifiers, not a property or a method after a dot. */
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
  private static final Pattern IDENTIFIER = Pattern.compile("(?<![.\\w'])([a-zA-Z_]\\w*)(?![\\w']*')");
  /** A variable's name, as opposed to a key, a value or a message name: {@code immersionWeeklyHours}. */
  private static final Pattern VARIABLE_NAME = Pattern.compile("[a-z]+[A-Z]\\w*");
  private static final Set<String> EL_WORDS = Set.of("execution", "task", "true", "false", "null", "empty", "not", "and", "or",
      "eq", "ne", "lt", "gt", "le", "ge", "div", "mod", "instanceof");

  @Test
  void theRepositoryKeepsTheContractItsDeploymentIsCheckedAgainst() {
    assertThat(ModelContract.check(Workspace.byPath())).isEmpty();
  }

  @Test
  void aUserTaskWithoutItsFormCandidateOrDueDateAndAProcessWithoutHistoryTimeToLiveAreNamed() {
    Map<String, byte[]> resources = Workspace.byPath();
    resources.remove("forms/milestone.form");
    change(resources, FollowUpProcess.RESOURCE, model -> {
      UserTask task = model.getModelElementById(FollowUpProcess.Elements.HOLD_JOINT_REDIAGNOSIS);
      task.setCamundaCandidateGroups(null);
      task.setCamundaDueDate(null);
      model.<Process>getModelElementById(FollowUpProcess.KEY).setCamundaHistoryTimeToLiveString(null);
    });

    assertThat(ModelContract.check(resources)).extracting(ModelContract.Breach::toString).containsExactlyInAnyOrder(
        "processes/follow-up.bpmn, Task_HoldMilestone : le formulaire « milestone » n'est pas dans ce déploiement : "
            + "joignez son fichier .form (dossier forms/)",
        "processes/follow-up.bpmn, Task_HoldJointRediagnosis : la tâche n'a ni groupe ni utilisateur candidat",
        "processes/follow-up.bpmn, Task_HoldJointRediagnosis : la tâche n'a pas d'échéance (camunda:dueDate)",
        "processes/follow-up.bpmn, follow-up : le processus n'a pas de durée de conservation de l'historique "
            + "(camunda:historyTimeToLive)");
  }

  @Test
  void aCalledProcessOrADecisionLeftOutOfTheDeploymentIsNamed() {
    Map<String, byte[]> resources = Workspace.byPath();
    resources.remove(ImmersionProcess.RESOURCE);
    resources.remove(FollowUpProcess.PLAN_DECISION_RESOURCE);

    assertThat(ModelContract.check(resources)).extracting(ModelContract.Breach::elementId).containsExactlyInAnyOrder(
        FollowUpProcess.Elements.IMMERSION, FollowUpProcess.Elements.PLAN_MILESTONE);
  }

  @Test
  void aCallThatDoesNotPassTheParcoursIdIsNamed() {
    Map<String, byte[]> resources = Workspace.byPath();
    change(resources, FollowUpProcess.RESOURCE, model -> {
      CallActivity immersion = model.getModelElementById(FollowUpProcess.Elements.IMMERSION);
      immersion.getExtensionElements().getElementsQuery().filterByType(CamundaIn.class).list().stream()
          .filter(in -> in.getCamundaBusinessKey() != null).forEach(in -> immersion.getExtensionElements().removeChildElement(in));
    });

    assertThat(ModelContract.check(resources)).extracting(ModelContract.Breach::toString).containsExactly(
        "processes/follow-up.bpmn, " + FollowUpProcess.Elements.IMMERSION + " : l'appel ne transmet pas l'identifiant du parcours "
            + "(camunda:in businessKey) : le processus appelé échapperait aux droits, à l'audit et à l'effacement du parcours");
  }

  @Test
  void anElementTheCodeNamesCannotBeRenamed() {
    Map<String, byte[]> resources = Workspace.byPath();
    change(resources, FollowUpProcess.RESOURCE, model -> model.<UserTask>getModelElementById(FollowUpProcess.Elements.HOLD_MILESTONE)
        .setId("Task_PointEtape"));

    assertThat(ModelContract.check(resources)).extracting(ModelContract.Breach::toString).containsExactly(
        "processes/follow-up.bpmn, follow-up : l'élément « Task_HoldMilestone » a disparu, or l'application s'en sert "
            + "(FollowUpProcess.Elements.HOLD_MILESTONE) : redonnez cet identifiant à l'élément renommé");
  }

  @Test
  void aModelUnderTheEnginesOtherFileEndingIsCheckedToo() {
    Map<String, byte[]> resources = Workspace.byPath();
    change(resources, FollowUpProcess.RESOURCE, model -> model.<UserTask>getModelElementById(FollowUpProcess.Elements.HOLD_MILESTONE)
        .setCamundaDueDate(null));
    resources.put("processes/follow-up.bpmn20.xml", resources.remove(FollowUpProcess.RESOURCE));

    assertThat(ModelContract.check(resources)).extracting(ModelContract.Breach::toString).containsExactly(
        "processes/follow-up.bpmn20.xml, Task_HoldMilestone : la tâche n'a pas d'échéance (camunda:dueDate)");
  }

  @Test
  void everyDescriptorIsOneTheContractKnows() throws Exception {
    assertThat(ModelContract.DESCRIPTORS).containsExactlyInAnyOrderElementsOf(descriptors());
  }

  @Test
  void everyVariableAModelReadsIsOneTheCodeDeclares() throws Exception {
    Set<String> declared = declaredNames();
    List<String> breaches = new ArrayList<>();
    for (Map.Entry<String, byte[]> model : Workspace.byPath().entrySet()) {
      if (!model.getKey().endsWith(".bpmn")) {
        continue;
      }
      String file = model.getKey();
      Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(model.getValue()))
          .getDocumentElement();
      Set<String> known = new TreeSet<>(declared);
      known.addAll(declaredByTheModel(root));
      walk(root, null, (owner, text) -> {
        Matcher expression = EXPRESSION.matcher(text);
        while (expression.find()) {
          Matcher identifier = IDENTIFIER.matcher(expression.group(1));
          while (identifier.find()) {
            String name = identifier.group(1);
            if (!EL_WORDS.contains(name) && !name.endsWith("Delegate") && !name.endsWith("Listener") && !known.contains(name)) {
              breaches.add(file + ": " + owner + " reads ${" + name + "}, which no descriptor declares");
            }
          }
        }
      });
    }
    assertThat(breaches).isEmpty();
  }

  /** The variables a model sets itself: a decision's result, an input or output parameter. */
  private static Set<String> declaredByTheModel(Element root) {
    Set<String> names = new TreeSet<>();
    NodeList all = root.getElementsByTagName("*");
    for (int i = 0; i < all.getLength(); i++) {
      Element element = (Element) all.item(i);
      if (element.hasAttribute("camunda:resultVariable")) {
        names.add(element.getAttribute("camunda:resultVariable"));
      }
      if (element.getTagName().equals("camunda:inputParameter") || element.getTagName().equals("camunda:outputParameter")) {
        names.add(element.getAttribute("name"));
      }
    }
    return names;
  }

  /** Visits every attribute value and text of the model, with the id of the nearest element that has one. */
  private static void walk(Element element, String owner, BiConsumer<String, String> visitor) {
    String here = element.hasAttribute("id") ? element.getAttribute("id") : owner;
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      visitor.accept(here, attributes.item(i).getNodeValue());
    }
    NodeList children = element.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      Node child = children.item(i);
      if (child instanceof Element nested) {
        walk(nested, here, visitor);
      } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        visitor.accept(here, child.getNodeValue());
      }
    }
  }

  /** The names of the variables the descriptors declare: their variable factories, and their names in camelCase. */
  private static Set<String> declaredNames() throws Exception {
    Set<String> names = new TreeSet<>();
    for (Class<?> descriptor : ModelContract.DESCRIPTORS) {
      for (Field field : descriptor.getFields()) {
        if (Modifier.isStatic(field.getModifiers()) && field.get(null) instanceof VariableFactory<?> variable) {
          names.add(variable.getName());
        } else if (Modifier.isStatic(field.getModifiers()) && field.get(null) instanceof String constant
            && VARIABLE_NAME.matcher(constant).matches()) {
          names.add(constant);
        }
      }
    }
    return names;
  }

  private static Collection<Class<?>> descriptors() throws Exception {
    List<Class<?>> descriptors = new ArrayList<>();
    for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:fr/sanscouture/**/*Process.class")) {
      String path = resource.getURL().getPath();
      String name = path.substring(path.lastIndexOf("fr/sanscouture/")).replace('/', '.').replace(".class", "");
      Class<?> type = Class.forName(name);
      if (Arrays.stream(type.getFields()).anyMatch(field -> field.getName().equals("RESOURCE"))
          && type.getField("RESOURCE").get(null).toString().endsWith(".bpmn")) {
        descriptors.add(type);
      }
    }
    assertThat(descriptors).as("the models' descriptors").hasSizeGreaterThanOrEqualTo(10);
    return descriptors;
  }

  private static void change(Map<String, byte[]> resources, String resource, Consumer<BpmnModelInstance> change) {
    resources.put(resource, Workspace.edit(resources.get(resource), change));
  }
}
