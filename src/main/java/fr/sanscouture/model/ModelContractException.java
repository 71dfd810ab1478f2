package fr.sanscouture.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;

/**
 * A deployment refused for breaching the {@link ModelContract}. As a parse error, the REST API answers
 * it with 400 and, under {@code details}, each resource's errors naming their element.
 */
public class ModelContractException extends ParseException {

  public ModelContractException(List<ModelContract.Breach> breaches) {
    super("Déploiement refusé, les modèles ne respectent pas le contrat de l'application : "
        + breaches.stream().map(ModelContract.Breach::toString).collect(Collectors.joining(" ; ")),
        breaches.get(0).resource(), List.of(), List.of());
    Map<String, List<Problem>> byResource = new LinkedHashMap<>();
    breaches.forEach(breach -> byResource.computeIfAbsent(breach.resource(), resource -> new ArrayList<>())
        .add(new ContractProblem(breach.message(), breach.elementId())));
    resorceReports = byResource.entrySet().stream()
        .<ResourceReport>map(entry -> new Report(entry.getKey(), entry.getValue())).toList();
  }

  private record ContractProblem(String message, String element) implements Problem {

    @Override
    public String getMessage() {
      return message;
    }

    @Override
    public int getLine() {
      return 0;
    }

    @Override
    public int getColumn() {
      return 0;
    }

    @Override
    public String getMainElementId() {
      return element;
    }

    @Override
    public List<String> getElementIds() {
      return List.of(element);
    }
  }

  private record Report(String resource, List<Problem> errors) implements ResourceReport {

    @Override
    public String getResourceName() {
      return resource;
    }

    @Override
    public List<Problem> getErrors() {
      return errors;
    }

    @Override
    public List<Problem> getWarnings() {
      return List.of();
    }
  }
}
