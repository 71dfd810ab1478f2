package fr.sanscouture.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.sanscouture.access.FormerReferentAccessProcess;
import fr.sanscouture.contract.EngagementContractProcess;
import fr.sanscouture.contribution.ContributionsProcess;
import fr.sanscouture.diagnostic.DiagnosticProcess;
import fr.sanscouture.escalation.EscalationProcess;
import fr.sanscouture.escalation.MailFailureProcess;
import fr.sanscouture.followup.FollowUpProcess;
import fr.sanscouture.immersion.ImmersionProcess;
import fr.sanscouture.orientation.OrientationProcess;
import fr.sanscouture.parcours.ParcoursProcess;
import fr.sanscouture.reception.ReceptionProcess;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.ModelException;

/**
 * What a deployment must hold for the application to run its models, whoever deploys it: the
 * application at start, or a coordinator from the Modeler. Every process has a history time to live;
 * every user task has a Camunda Form, a candidate and a due date; a form, a called process or a decision bound to the deployment is in it;
 * every call activity gives the called process the parcours id (its business key, by which the
 * parcours' instances are found); the elements the code names are in their model. A deployment with a model that does not parse is
 * left to the engine, whose own error names the line.
 */
public final class ModelContract {

  /** The descriptors of the models: the element ids the code names. */
  static final List<Class<?>> DESCRIPTORS = List.of(ParcoursProcess.class, ReceptionProcess.class, DiagnosticProcess.class,
      ContributionsProcess.class, OrientationProcess.class, EngagementContractProcess.class, FollowUpProcess.class,
      ImmersionProcess.class, EscalationProcess.class, FormerReferentAccessProcess.class, MailFailureProcess.class);

  private static final String DEPLOYMENT_BINDING = "deployment";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A breach of the contract, at an element of a resource of the deployment. */
  public record Breach(String resource, String elementId, String message) {

    @Override
    public String toString() {
      return resource + ", " + elementId + " : " + message;
    }
  }

  private ModelContract() {}

  /** The breaches of a deployment, given its resources by name; none when it may be deployed. */
  public static List<Breach> check(Map<String, byte[]> resources) {
    Map<String, BpmnModelInstance> models = new TreeMap<>();
    Set<String> forms = new TreeSet<>();
    Set<String> decisions = new TreeSet<>();
    List<Breach> breaches = new ArrayList<>();
    for (Map.Entry<String, byte[]> resource : resources.entrySet()) {
      String name = resource.getKey();
      byte[] bytes = resource.getValue();
      try {
        if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
          models.put(name, Bpmn.readModelFromStream(new ByteArrayInputStream(bytes)));
        } else if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
          Dmn.readModelFromStream(new ByteArrayInputStream(bytes)).getModelElementsByType(Decision.class)
              .forEach(decision -> decisions.add(decision.getId()));
        } else if (name.endsWith(".form")) {
          String id = formId(bytes);
          if (id == null) {
            breaches.add(new Breach(name, name, "le formulaire est illisible ou n'a pas d'identifiant"));
          } else {
            forms.add(id);
          }
        }
      } catch (ModelException unparsable) {
        // the engine's parser refuses the deployment, naming the line and the column: that comes first
        return List.of();
      }
    }
    Set<String> processes = models.values().stream().flatMap(model -> model.getModelElementsByType(Process.class).stream())
        .map(Process::getId).collect(Collectors.toSet());
    models.forEach((name, model) -> {
      model.getModelElementsByType(UserTask.class).forEach(task -> checkUserTask(name, task, forms, breaches));
      model.getModelElementsByType(CallActivity.class).stream()
          .filter(call -> DEPLOYMENT_BINDING.equals(call.getCamundaCalledElementBinding()) && !processes.contains(call.getCalledElement()))
          .forEach(call -> breaches.add(new Breach(name, call.getId(), "le processus appelé « " + call.getCalledElement()
              + " » n'est pas dans ce déploiement : joignez son modèle (dossier processes/)")));
      model.getModelElementsByType(CallActivity.class).stream().filter(call -> !passesBusinessKey(call))
          .forEach(call -> breaches.add(new Breach(name, call.getId(), "l'appel ne transmet pas l'identifiant du parcours "
              + "(camunda:in businessKey) : le processus appelé échapperait aux droits, à l'audit et à l'effacement du parcours")));
      model.getModelElementsByType(BusinessRuleTask.class).stream()
          .filter(task -> DEPLOYMENT_BINDING.equals(task.getCamundaDecisionRefBinding()) && !decisions.contains(task.getCamundaDecisionRef()))
          .forEach(task -> breaches.add(new Breach(name, task.getId(), "la table de décision « " + task.getCamundaDecisionRef()
              + " » n'est pas dans ce déploiement : joignez son fichier .dmn (dossier processes/)")));
      for (Process process : model.getModelElementsByType(Process.class)) {
        if (isBlank(process.getCamundaHistoryTimeToLiveString())) {
          breaches.add(new Breach(name, process.getId(),
              "le processus n'a pas de durée de conservation de l'historique (camunda:historyTimeToLive)"));
        }
        requiredElements(process.getId()).forEach((id, usage) -> {
          if (model.getModelElementById(id) == null) {
            breaches.add(new Breach(name, process.getId(), "l'élément « " + id + " » a disparu, or l'application s'en sert ("
                + usage + ") : redonnez cet identifiant à l'élément renommé"));
          }
        });
      }
    });
    return breaches;
  }

  /** Whether a call activity gives the called process the parcours id, its business key. */
  private static boolean passesBusinessKey(CallActivity call) {
    return call.getExtensionElements() != null && call.getExtensionElements().getElementsQuery().filterByType(CamundaIn.class).list()
        .stream().anyMatch(in -> !isBlank(in.getCamundaBusinessKey()));
  }

  private static void checkUserTask(String resource, UserTask task, Set<String> forms, List<Breach> breaches) {
    String form = task.getCamundaFormRef();
    if (isBlank(form)) {
      breaches.add(new Breach(resource, task.getId(), "la tâche n'a pas de formulaire Camunda (camunda:formRef)"));
    } else if (DEPLOYMENT_BINDING.equals(task.getCamundaFormRefBinding()) && !forms.contains(form)) {
      breaches.add(new Breach(resource, task.getId(), "le formulaire « " + form
          + " » n'est pas dans ce déploiement : joignez son fichier .form (dossier forms/)"));
    }
    if (isBlank(task.getCamundaCandidateGroups()) && isBlank(task.getCamundaCandidateUsers())) {
      breaches.add(new Breach(resource, task.getId(), "la tâche n'a ni groupe ni utilisateur candidat"));
    }
    if (isBlank(task.getCamundaDueDate())) {
      breaches.add(new Breach(resource, task.getId(), "la tâche n'a pas d'échéance (camunda:dueDate)"));
    }
  }

  private static String formId(byte[] bytes) {
    try {
      JsonNode id = JSON.readTree(bytes).get("id");
      return id == null || id.asText().isBlank() ? null : id.asText();
    } catch (IOException unreadable) {
      return null;
    }
  }

  /** The element ids the code names in the process of that key, each with where the code names it. */
  static Map<String, String> requiredElements(String processKey) {
    Map<String, String> ids = new TreeMap<>();
    for (Class<?> descriptor : DESCRIPTORS) {
      if (!processKey.equals(constant(descriptor, "KEY"))) {
        continue;
      }
      Arrays.stream(descriptor.getDeclaredClasses()).filter(nested -> nested.getSimpleName().equals("Elements"))
          .flatMap(elements -> Arrays.stream(elements.getFields()))
          .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
          .forEach(field -> ids.put(value(field), descriptor.getSimpleName() + ".Elements." + field.getName()));
    }
    return ids;
  }

  private static String constant(Class<?> type, String name) {
    try {
      return value(type.getField(name));
    } catch (NoSuchFieldException e) {
      return null;
    }
  }

  private static String value(Field field) {
    try {
      return (String) field.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
