package fr.sanscouture.parcours;

import fr.sanscouture.identity.Role;
import fr.sanscouture.identity.SystemCalls;
import fr.sanscouture.privacy.AuditLog;
import jakarta.validation.Valid;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The parcours API for partner systems (CAF/MSA flows, France Travail, Missions locales, Cap emploi).
 * Callers authenticate with HTTP Basic against the engine's identity and must be partner systems
 * (members of {@code role-flux-partenaire}); the application then acts on the engine itself.
 */
@RestController
@RequestMapping("/api/parcours")
class ParcoursController {

  private final ParcoursService parcoursService;
  private final ParcoursRequestValidator validator;
  private final IdentityService identityService;
  private final AuditLog auditLog;

  ParcoursController(ParcoursService parcoursService, ParcoursRequestValidator validator, IdentityService identityService,
      AuditLog auditLog) {
    this.parcoursService = parcoursService;
    this.validator = validator;
    this.identityService = identityService;
    this.auditLog = auditLog;
  }

  @InitBinder("parcoursRequest")
  void addValidator(WebDataBinder binder) {
    binder.addValidators(validator);
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  StartedParcours start(@Valid @RequestBody ParcoursRequest parcoursRequest) {
    requirePartnerSystem();
    StartedParcours started = SystemCalls.asSystem(identityService, () -> parcoursService.start(parcoursRequest.toNewParcours()));
    auditLog.record(SystemCalls.caller(identityService), started.parcoursId(), AuditLog.Action.STARTED, "POST /api/parcours");
    return started;
  }

  /** The CAF or MSA flow ends a person's RSA rights: their parcours ends, wherever it stands. */
  @PostMapping(path = "/rsa-rights-ended", consumes = MediaType.APPLICATION_JSON_VALUE)
  ParcoursEnded rsaRightsEnded(@Valid @RequestBody RsaRightsEndedRequest request) {
    requirePartnerSystem();
    String parcoursId = SystemCalls.asSystem(identityService,
        () -> parcoursService.endRsaRights(request.cafNumber(), request.msaNumber())).orElseThrow(NoActiveParcoursException::new);
    auditLog.record(SystemCalls.caller(identityService), parcoursId, AuditLog.Action.RSA_RIGHTS_ENDED,
        "POST /api/parcours/rsa-rights-ended");
    return new ParcoursEnded(parcoursId, ExitReason.RSA_RIGHTS_ENDED);
  }

  /** This API is the partner systems' only door to parcours: they hold no grant on the engine itself. */
  private void requirePartnerSystem() {
    if (!SystemCalls.callerHas(identityService, Role.FLUX_PARTENAIRE)) {
      throw new AuthorizationException("Only partner systems may call the parcours API");
    }
  }

  /** A parcours ended through the API. */
  record ParcoursEnded(String parcoursId, ExitReason exitReason) {}
}
