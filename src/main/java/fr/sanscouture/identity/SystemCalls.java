package fr.sanscouture.identity;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Engine calls the application makes on its own behalf, after checking the caller itself: the engine
 * then checks no authorization, and the caller's authentication is restored afterwards.
 */
public final class SystemCalls {

  private SystemCalls() {}

  public static <T> T asSystem(IdentityService identityService, Supplier<T> call) {
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return call.get();
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }

  public static void asSystem(IdentityService identityService, Runnable call) {
    asSystem(identityService, () -> {
      call.run();
      return null;
    });
  }

  /** Whether the authenticated user belongs to the role's group. */
  public static boolean callerHas(IdentityService identityService, Role role) {
    return callerIn(identityService, role.groupId());
  }

  /** Whether the authenticated user is an administrator (group {@code camunda-admin}). */
  public static boolean callerIsAdministrator(IdentityService identityService) {
    return callerIn(identityService, Groups.CAMUNDA_ADMIN);
  }

  /** The authenticated user's id. */
  public static String caller(IdentityService identityService) {
    return identityService.getCurrentAuthentication().getUserId();
  }

  private static boolean callerIn(IdentityService identityService, String groupId) {
    Authentication caller = identityService.getCurrentAuthentication();
    return caller != null && caller.getGroupIds() != null && caller.getGroupIds().contains(groupId);
  }
}
