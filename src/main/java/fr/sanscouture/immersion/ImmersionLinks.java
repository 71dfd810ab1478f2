package fr.sanscouture.immersion;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The personal links of an immersion (table {@code immersion_link}): a token of 256 random bits, for one
 * agreement and one purpose, until a date, used once. Only the token's SHA-256 is stored.
 */
@Component
public class ImmersionLinks {

  /** What a link is for, and who receives it. */
  public enum Purpose {
    PERSON_SIGNATURE(ImmersionAgreements.Party.PERSON),
    COMPANY_SIGNATURE(ImmersionAgreements.Party.COMPANY),
    TUTOR_REVIEW(null);

    private final ImmersionAgreements.Party signatory;

    Purpose(ImmersionAgreements.Party signatory) {
      this.signatory = signatory;
    }

    /** The party who signs with this link; none for the bilan. */
    ImmersionAgreements.Party signatory() {
      return signatory;
    }
  }

  /** A stored link. */
  record Link(String agreementId, Purpose purpose, Instant expiresAt, boolean used) {}

  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;

  public ImmersionLinks(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * A new link's token, valid until the given instant. It is stored in a transaction of its own: once a
   * mail carries it, it works, even if the job that sent the mail fails later and sends another.
   */
  String issue(String agreementId, Purpose purpose, Instant expiresAt) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    ownTransaction.executeWithoutResult(status -> jdbc.update(
        "INSERT INTO immersion_link (token_hash, agreement_id, purpose, expires_at) VALUES (?, ?, ?, ?)",
        hash(token), agreementId, purpose.name(), Timestamp.from(expiresAt)));
    return token;
  }

  Optional<Link> find(String token) {
    return jdbc.query("SELECT agreement_id, purpose, expires_at, used_at FROM immersion_link WHERE token_hash = ?",
        (row, n) -> new Link(row.getString(1), Purpose.valueOf(row.getString(2)), row.getTimestamp(3).toInstant(),
            row.getTimestamp(4) != null), hash(token)).stream().findFirst();
  }

  /** Uses the link up; false when it was used meanwhile. */
  boolean markUsed(String token, Instant at) {
    return jdbc.update("UPDATE immersion_link SET used_at = ? WHERE token_hash = ? AND used_at IS NULL", Timestamp.from(at), hash(token)) == 1;
  }

  private static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
