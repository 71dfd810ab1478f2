package fr.sanscouture.api;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HTTP Basic against the engine's identity for the engine's REST API, the application's own API, the
 * Prometheus endpoint and the embedded default's captured mail.
 * The filter also makes the caller the engine's authenticated user for the request, so the engine's
 * authorizations apply to every call.
 */
@Configuration
class EngineAuthenticationConfig {

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineAuthenticationFilter() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("engine-authentication");
    registration.setOrder(0);
    registration.addUrlPatterns("/engine-rest/*", "/api/*", "/actuator/prometheus", "/mailbox");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    return registration;
  }
}
