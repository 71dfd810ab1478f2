package fr.sanscouture.immersion;

import static fr.sanscouture.immersion.ImmersionProcess.*;

import fr.sanscouture.immersion.ImmersionAgreements.Agreement;
import fr.sanscouture.immersion.ImmersionAgreements.Party;
import fr.sanscouture.immersion.ImmersionLinks.Link;
import fr.sanscouture.immersion.ImmersionLinks.Purpose;
import fr.sanscouture.privacy.AuditLog;
import fr.sanscouture.territory.Territory;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the personal links of an immersion let their holder do: read the agreement and sign it (the person,
 * the company), read it and give the bilan (the tutor). A link is refused, with nothing changed and the
 * attempt logged and audited, when it is unknown, meant for another immersion or another purpose,
 * already used, expired, or when the agreement no longer waits for it.
 */
@Service
public class ImmersionLinkService {

  private static final Logger LOG = LoggerFactory.getLogger(ImmersionLinkService.class);
  private static final int ATTEMPTS = 3;

  /** Which page the link was opened on. */
  enum Page { SIGNATURE, REVIEW }

  /** Why a link is refused; the page shows the French message. */
  enum Refusal {
    UNKNOWN(404, "Ce lien n'est pas valide. Vérifiez que l'adresse est complète, ou demandez un nouveau lien au référent de la personne."),
    OTHER_IMMERSION(403, "Ce lien ne correspond pas à cette immersion."),
    WRONG_PURPOSE(403, "Ce lien ne sert pas à cette démarche."),
    USED(410, "Ce lien a déjà servi : il ne peut être utilisé qu'une fois."),
    EXPIRED(410, "Ce lien a expiré."),
    ALREADY_SIGNED(409, "Vous avez déjà signé cette convention."),
    CLOSED(410, "Cette convention n'attend plus rien de vous : elle a été annulée ou close.");

    final int status;
    final String message;

    Refusal(int status, String message) {
      this.status = status;
      this.message = message;
    }
  }

  /** A refused link. */
  static class LinkRefusedException extends RuntimeException {
    final Refusal refusal;

    LinkRefusedException(Refusal refusal) {
      super(refusal.name());
      this.refusal = refusal;
    }
  }

  /** What the page shows: who holds the link, and the agreement's terms. */
  record View(Purpose purpose, Map<String, Object> terms) {}

  private final ImmersionLinks links;
  private final ImmersionAgreements agreements;
  private final RuntimeService runtime;
  private final AuditLog audit;
  private final Territory territory;
  private final TransactionTemplate transaction;

  ImmersionLinkService(ImmersionLinks links, ImmersionAgreements agreements, RuntimeService runtime, AuditLog audit,
      Territory territory, TransactionTemplate transaction) {
    this.links = links;
    this.agreements = agreements;
    this.runtime = runtime;
    this.audit = audit;
    this.territory = territory;
    this.transaction = transaction;
  }

  /** The agreement the link opens, for reading; opening does not use the link up. */
  View open(String agreementId, String token, Page page, String from) {
    Checked checked = check(agreementId, token, page, from);
    return new View(checked.link().purpose(), ImmersionTerms.of(runtime.getVariablesTyped(checked.agreement().processInstanceId()), territory));
  }

  /** Signs the agreement for the link's holder, who typed their name and ticked the acceptance. */
  void sign(String agreementId, String token, String signatoryName, boolean accepted, String from) {
    Checked checked = check(agreementId, token, Page.SIGNATURE, from);
    Agreement agreement = checked.agreement();
    String name = signatoryName == null ? "" : signatoryName.strip();
    if (!accepted || name.isEmpty() || name.length() > 120) {
      throw new BadUserRequestException("Pour signer, indiquez vos nom et prénom et cochez la case d'acceptation.");
    }
    Party party = checked.link().purpose().signatory();
    use(agreement, token, from, () -> {
      agreements.markSigned(agreementId, party, ClockUtil.getCurrentTime().toInstant());
      runtime.createMessageCorrelation(party == Party.PERSON ? MESSAGE_PERSON_SIGNED : MESSAGE_COMPANY_SIGNED)
          .processInstanceId(agreement.processInstanceId())
          .setVariables(party == Party.PERSON ? Variables.createVariables()
              : Variables.createVariables().putValue(COMPANY_SIGNATORY.getName(), name))
          .correlate();
    });
    audit.record("lien-" + party.name().toLowerCase(), agreement.parcoursId(), AuditLog.Action.IMMERSION_LINK,
        "Convention " + agreementId + " signée par " + (party == Party.PERSON ? "la personne" : "l'entreprise (" + name + ")"));
  }

  /** Records the tutor's bilan. */
  void review(String agreementId, String token, Function<String, Object> values, String from) {
    Agreement agreement = check(agreementId, token, Page.REVIEW, from).agreement();
    String tutor = (String) runtime.getVariable(agreement.processInstanceId(), TUTOR_NAME.getName());
    ImmersionReview review = ImmersionReview.read(values);
    use(agreement, token, from, () -> runtime.createMessageCorrelation(MESSAGE_TUTOR_REVIEWED)
        .processInstanceId(agreement.processInstanceId())
        .setVariables(review.asVariables(tutor))
        .correlate());
    audit.record("lien-tuteur", agreement.parcoursId(), AuditLog.Action.IMMERSION_LINK, "Bilan de la convention " + agreementId + " donné par le tuteur");
  }

  /**
   * Uses the link up and does the work in one transaction: a link raced by another request, or an agreement
   * that stopped waiting meanwhile, is refused with nothing changed.
   */
  private void use(Agreement agreement, String token, String from, Runnable work) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Refusal refusal = null;
    for (int attempt = 1; ; attempt++) {
      try {
        refusal = transaction.execute(status -> {
          if (!links.markUsed(token, now)) {
            status.setRollbackOnly();
            return Refusal.USED;
          }
          work.run();
          return null;
        });
        break;
      } catch (MismatchingMessageCorrelationException e) {
        refusal = Refusal.CLOSED;
        break;
      } catch (OptimisticLockingException e) {
        // another signature or a reminder moved the same instance at that moment: nothing was kept, try again
        if (attempt == ATTEMPTS) {
          throw e;
        }
      }
    }
    if (refusal != null) {
      throw refuse(refusal, agreement.id(), agreement.parcoursId(), from);
    }
  }

  /** A link that may be used, with its agreement. */
  private record Checked(Agreement agreement, Link link) {}

  private Checked check(String agreementId, String token, Page page, String from) {
    Optional<Link> found = links.find(token);
    Optional<Agreement> agreement = agreements.find(agreementId);
    String parcoursId = agreement.or(() -> found.flatMap(link -> agreements.find(link.agreementId())))
        .map(Agreement::parcoursId).orElse(null);
    if (found.isEmpty() || agreement.isEmpty()) {
      throw refuse(Refusal.UNKNOWN, agreementId, parcoursId, from);
    }
    Link link = found.get();
    if (!link.agreementId().equals(agreementId)) {
      throw refuse(Refusal.OTHER_IMMERSION, agreementId, parcoursId, from);
    }
    if ((page == Page.REVIEW) != (link.purpose() == Purpose.TUTOR_REVIEW)) {
      throw refuse(Refusal.WRONG_PURPOSE, agreementId, parcoursId, from);
    }
    if (link.used()) {
      throw refuse(Refusal.USED, agreementId, parcoursId, from);
    }
    Agreement current = agreement.get();
    ImmersionAgreements.Status expected = page == Page.REVIEW ? ImmersionAgreements.Status.VALIDATED : ImmersionAgreements.Status.PENDING;
    if (current.status() != expected) {
      throw refuse(Refusal.CLOSED, agreementId, parcoursId, from);
    }
    if (!ClockUtil.getCurrentTime().toInstant().isBefore(link.expiresAt())) {
      throw refuse(Refusal.EXPIRED, agreementId, parcoursId, from);
    }
    if (page == Page.SIGNATURE && current.signedBy(link.purpose().signatory())) {
      throw refuse(Refusal.ALREADY_SIGNED, agreementId, parcoursId, from);
    }
    return new Checked(current, link);
  }

  private LinkRefusedException refuse(Refusal refusal, String agreementId, String parcoursId, String from) {
    LOG.warn("Immersion link refused ({}) for agreement {} from {}", refusal, agreementId, from);
    if (parcoursId != null) {
      audit.record("anonyme", parcoursId, AuditLog.Action.IMMERSION_LINK_REFUSED,
          "Lien refusé (" + refusal.name() + ") pour la convention " + agreementId + " depuis " + from);
    }
    return new LinkRefusedException(refusal);
  }
}
