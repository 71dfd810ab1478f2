package fr.sanscouture.api;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.model.xml.ModelException;
import org.springframework.stereotype.Component;
import org.xml.sax.SAXParseException;

/**
 * What the engine's commands fail with, seen from inside the engine:
 * <ul>
 *   <li>a refusal of the models' rules — a listener's {@link BadUserRequestException}, such as « Le
 *   rendez-vous d'accueil doit être à venir. » — leaves the command as itself. The engine wraps what a
 *   task listener throws (ENGINE-03051), which it then logs as an error with its stack trace and its REST
 *   API answers with a 500; unwrapped, the engine logs it at debug level, as any bad request;</li>
 *   <li>within a request, a model that is no readable XML and a value with a NUL character are bad
 *   requests, logged at debug level, not errors;</li>
 *   <li>the failure of the command a request ran is kept for the request ({@link EngineErrors}), which
 *   tells the caller's mistakes from the server's faults by it.</li>
 * </ul>
 */
@Component
class EngineFailures extends AbstractProcessEnginePlugin {

  private static final ThreadLocal<RuntimeException[]> OF_REQUEST = new ThreadLocal<>();
  /** The engine's message for a password its policy refuses ({@code SaveUserCmd}). */
  static final String WEAK_PASSWORD = "Password does not match policy";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = new ArrayList<>();
    if (configuration.getCustomPostCommandInterceptorsTxRequired() != null) {
      interceptors.addAll(configuration.getCustomPostCommandInterceptorsTxRequired());
    }
    // inside the command context, so that the context logs the refusal, not its wrapper
    interceptors.add(new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        try {
          return next.execute(command);
        } catch (RuntimeException failure) {
          RuntimeException[] ofRequest = OF_REQUEST.get();
          RuntimeException surfaced = refusalIn(failure).<RuntimeException>map(refusal -> refusal)
              .or(() -> weakPassword(command, failure, configuration))
              .or(() -> ofRequest == null ? Optional.empty() : unreadableInput(failure)).orElse(failure);
          if (ofRequest != null) {
            ofRequest[0] = surfaced;
          }
          throw surfaced;
        }
      }
    });
    configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
  }

  /** A refusal a listener threw, which the engine wrapped (twice for a task listener: ENGINE-03051 around its own). */
  static Optional<BadUserRequestException> refusalIn(RuntimeException failure) {
    Throwable cause = failure;
    while (cause instanceof ProcessEngineException && !(cause instanceof BadUserRequestException) && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause != failure && cause instanceof BadUserRequestException refusal ? Optional.of(refusal) : Optional.empty();
  }

  /**
   * A request's model that is no readable XML, or a value with a NUL character: the caller's mistake,
   * which the engine would log as an error; a bad request, said in French, is logged at debug level.
   */
  static Optional<RuntimeException> unreadableInput(RuntimeException failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SAXParseException || isNulCharacter(cause)) {
        return Optional.of(new BadUserRequestException(EngineErrors.messageOf(failure), failure));
      }
    }
    return Optional.empty();
  }

  /**
   * The engine refuses a password against its policy with a bare {@link ProcessEngineException} in
   * English, which its REST API answers with a 500: it is the caller's mistake, said in French with
   * the policy's rules.
   */
  static Optional<RuntimeException> weakPassword(Command<?> command, RuntimeException failure, ProcessEngineConfigurationImpl configuration) {
    if (!(command instanceof SaveUserCmd) || !WEAK_PASSWORD.equals(failure.getMessage()) || configuration.getPasswordPolicy() == null) {
      return Optional.empty();
    }
    List<String> rules = new ArrayList<>();
    boolean userData = false;
    for (PasswordPolicyRule rule : configuration.getPasswordPolicy().getRules()) {
      Map<String, String> parameters = rule.getParameters() == null ? Map.of() : rule.getParameters();
      switch (rule.getPlaceholder()) {
        case "PASSWORD_POLICY_LENGTH" -> rules.add("au moins " + parameters.get("minLength") + " caractères");
        case "PASSWORD_POLICY_LOWERCASE" -> rules.add(parameters.get("minLowerCase") + " minuscule(s)");
        case "PASSWORD_POLICY_UPPERCASE" -> rules.add(parameters.get("minUpperCase") + " majuscule(s)");
        case "PASSWORD_POLICY_DIGIT" -> rules.add(parameters.get("minDigit") + " chiffre(s)");
        case "PASSWORD_POLICY_SPECIAL" -> rules.add(parameters.get("minSpecial") + " autre(s) signe(s)");
        case "PASSWORD_POLICY_USER_DATA" -> userData = true;
        default -> rules.add(rule.getPlaceholder());
      }
    }
    return Optional.of(new BadUserRequestException("Le mot de passe ne respecte pas la règle : " + String.join(", ", rules)
        + (userData ? ", et rien de l'identifiant, du nom ni de l'adresse" : "") + ".", failure));
  }

  /** Whether the failure is the caller's mistake — a refusal, an unknown id, a value out of range, an unreadable model — not the server's fault. */
  static boolean isCallersMistake(RuntimeException failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof BadUserRequestException || cause instanceof NullValueException || cause instanceof ModelException
          || cause instanceof SAXParseException || isNulCharacter(cause)) {
        return true;
      }
    }
    return false;
  }

  /** A value with a NUL character ({@code \u0000}), which PostgreSQL can neither store nor compare. */
  static boolean isNulCharacter(Throwable cause) {
    return cause instanceof SQLException sql && "22021".equals(sql.getSQLState());
  }

  /** From now on, the failure of the last command this thread runs that fails is kept, for {@link #ofThisRequest()}. */
  static void begin() {
    OF_REQUEST.set(new RuntimeException[1]);
  }

  static void end() {
    OF_REQUEST.remove();
  }

  /** The failure of the last command that failed since {@link #begin()}. */
  static Optional<RuntimeException> ofThisRequest() {
    RuntimeException[] failure = OF_REQUEST.get();
    return failure == null ? Optional.empty() : Optional.ofNullable(failure[0]);
  }
}
