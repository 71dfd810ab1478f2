package fr.sanscouture.parcours;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The parcours API for partner systems (CAF/MSA flows, France Travail, Missions locales, Cap emploi).
 * Callers authenticate with HTTP Basic against the engine's identity; the engine checks that they may
 * start a parcours.
 */
@RestController
@RequestMapping("/api/parcours")
class ParcoursController {

  private final ParcoursService parcoursService;
  private final ParcoursRequestValidator validator;

  ParcoursController(ParcoursService parcoursService, ParcoursRequestValidator validator) {
    this.parcoursService = parcoursService;
    this.validator = validator;
  }

  @InitBinder("parcoursRequest")
  void addValidator(WebDataBinder binder) {
    binder.addValidators(validator);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  StartedParcours start(@Valid @RequestBody ParcoursRequest parcoursRequest) {
    return parcoursService.start(parcoursRequest.toNewParcours());
  }

  /** The CAF or MSA flow ends a person's RSA rights: their parcours ends, wherever it stands. */
  @PostMapping("/rsa-rights-ended")
  ParcoursEnded rsaRightsEnded(@Valid @RequestBody RsaRightsEndedRequest request) {
    return parcoursService.endRsaRights(request.cafNumber(), request.msaNumber())
        .map(id -> new ParcoursEnded(id, ExitReason.RSA_RIGHTS_ENDED))
        .orElseThrow(NoActiveParcoursException::new);
  }

  /** A parcours ended through the API. */
  record ParcoursEnded(String parcoursId, ExitReason exitReason) {}
}
