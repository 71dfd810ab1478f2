package fr.sanscouture.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The security headers of what the application serves beside the webapps (which send their own): the
 * personal links' pages of persons and companies ({@code /immersion/*}), the application's API, the
 * engine's REST API and the demo's captured mail. Nothing of them can be framed by another site, no
 * content type is guessed, no address leaks to another site, the pages load nothing but their own
 * styles; HSTS where the application runs behind HTTPS ({@code sans-couture.security.hsts}).
 */
class SecurityHeaders extends OncePerRequestFilter {

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  private final boolean hsts;

  SecurityHeaders(boolean hsts) {
    this.hsts = hsts;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "no-referrer");
    if (hsts) {
      response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
    chain.doFilter(request, response);
  }

  @Configuration
  static class Registration {

    @Bean
    FilterRegistrationBean<SecurityHeaders> securityHeaders(@Value("${sans-couture.security.hsts:false}") boolean hsts) {
      FilterRegistrationBean<SecurityHeaders> registration = new FilterRegistrationBean<>(new SecurityHeaders(hsts));
      registration.setName("security-headers");
      // first: every answer carries them, refusals included
      registration.setOrder(-100);
      registration.addUrlPatterns("/immersion/*", "/api/*", "/engine-rest/*", "/mailbox");
      return registration;
    }
  }
}
