package fr.sanscouture.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/**
 * Who sends a request to the engine's REST API or to the webapps' API: the engine's authenticated user
 * (HTTP Basic on {@code /engine-rest}), or the user logged in to Tasklist, Cockpit or Admin.
 */
public final class RequestCaller {

  private RequestCaller() {}

  public static Optional<Authentication> of(HttpServletRequest request, IdentityService identityService) {
    Authentication engineUser = identityService.getCurrentAuthentication();
    if (engineUser != null) {
      return Optional.of(engineUser);
    }
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine("default"))
        .filter(UserAuthentication.class::isInstance)
        .map(UserAuthentication.class::cast)
        .map(user -> new Authentication(user.getIdentityId(), user.getGroupIds()));
  }

  public static boolean isAdministrator(Authentication caller) {
    return caller.getGroupIds() != null && caller.getGroupIds().contains(Groups.CAMUNDA_ADMIN);
  }
}
