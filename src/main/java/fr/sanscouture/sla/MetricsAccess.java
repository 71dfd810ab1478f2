package fr.sanscouture.sla;

import fr.sanscouture.identity.Role;
import fr.sanscouture.identity.SystemCalls;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The metrics ({@code /actuator/prometheus}) are the monitoring accounts' ({@link Role#SUPERVISION}):
 * the engine's authentication (HTTP Basic) has made the caller the engine's user; anyone else is refused.
 */
class MetricsAccess extends OncePerRequestFilter {

  private final IdentityService identityService;

  MetricsAccess(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!SystemCalls.callerHas(identityService, Role.SUPERVISION)) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN, "Les métriques sont réservées aux comptes de supervision.");
      return;
    }
    chain.doFilter(request, response);
  }

  @Configuration
  static class Registration {

    @Bean
    FilterRegistrationBean<MetricsAccess> metricsAccess(IdentityService identityService) {
      FilterRegistrationBean<MetricsAccess> registration = new FilterRegistrationBean<>(new MetricsAccess(identityService));
      registration.setName("metrics-access");
      // after the engine's authentication, which answers 401 without credentials
      registration.setOrder(1);
      registration.addUrlPatterns("/actuator/prometheus");
      return registration;
    }
  }
}
