package fr.sanscouture.api;

import com.fasterxml.jackson.databind.JsonMappingException;
import fr.sanscouture.parcours.NoActiveParcoursException;
import fr.sanscouture.parcours.ParcoursAlreadyActiveException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The application API's errors, as RFC 9457 problem details in French. A 400 names each faulty field
 * in {@code errors}, e.g. {@code {"field": "person.postcode", "message": "doit comporter 5 chiffres"}}.
 */
@RestControllerAdvice(basePackages = "fr.sanscouture")
class ApiErrors {

  private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

  /** One faulty field of a request. */
  record FieldError(String field, String message) {}

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ProblemDetail invalid(MethodArgumentNotValidException e) {
    List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
        .map(error -> new FieldError(error.getField(), error.getDefaultMessage()))
        .sorted((a, b) -> a.field().compareTo(b.field()))
        .toList();
    return badRequest(errors);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = mapping.getPath().stream()
          .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
          .collect(Collectors.joining(".")).replace(".[", "[");
      return badRequest(List.of(new FieldError(field, "valeur invalide")));
    }
    return badRequest(List.of(new FieldError("", "le corps de la requête n'est pas un JSON lisible")));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ProblemDetail notJson(HttpMediaTypeNotSupportedException e) {
    return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Format non pris en charge",
        "Le corps de la requête doit être du JSON (Content-Type: application/json).");
  }

  @ExceptionHandler(ParcoursAlreadyActiveException.class)
  ProblemDetail alreadyActive(ParcoursAlreadyActiveException e) {
    ProblemDetail problem = problem(HttpStatus.CONFLICT, "Parcours déjà actif",
        "Cette personne a déjà un parcours actif : aucun nouveau parcours n'a été ouvert.");
    problem.setProperty("parcoursId", e.parcoursId());
    return problem;
  }

  @ExceptionHandler(NoActiveParcoursException.class)
  ProblemDetail noActiveParcours(NoActiveParcoursException e) {
    LOG.warn("A partner event named a person without active parcours; nothing was changed");
    return problem(HttpStatus.NOT_FOUND, "Parcours introuvable", "Aucun parcours actif pour cette personne : rien n'a été modifié.");
  }

  @ExceptionHandler(AuthorizationException.class)
  ProblemDetail forbidden(AuthorizationException e) {
    return problem(HttpStatus.FORBIDDEN, "Accès refusé", "Votre compte n'a pas le droit de faire cette opération.");
  }

  private static ProblemDetail badRequest(List<FieldError> errors) {
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Requête invalide",
        errors.size() == 1 ? "Un champ est invalide." : errors.size() + " champs sont invalides.");
    problem.setProperties(Map.of("errors", errors));
    return problem;
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return problem;
  }
}
