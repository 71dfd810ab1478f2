package fr.sanscouture.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.sanscouture.web.ReadAgainRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Failed logins slow down the client that makes them, for the account it tries, and nobody else: after
 * {@value #FREE_FAILURES} failures from one address for one login, that address waits one minute before
 * its next try for that login, then twice as long after each new failure, up to
 * {@link #LONGEST_WAIT}; a success, or an hour without failure, starts again from nothing. The engine
 * itself locks no account (its {@code loginMaxAttempts} and delays are turned off in
 * {@code application.yaml}): an outsider who knows only a login cannot lock its owner out, a partner
 * system included, whatever they send. Covers every way to log in: HTTP Basic ({@code /engine-rest},
 * {@code /api}, the metrics, the captured mail) and the webapps' login form.
 * <p>
 * Times are the engine's clock; the client is the request's remote address, which is the address a
 * trusted proxy forwards ({@code server.tomcat.remoteip.internal-proxies}). The counts live in this
 * node's memory, bounded in size: each node of a cluster throttles on its own.
 */
class LoginThrottle extends OncePerRequestFilter {

  static final int FREE_FAILURES = 5;
  static final Duration FIRST_WAIT = Duration.ofMinutes(1);
  static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
  static final Duration MEMORY = Duration.ofHours(1);
  private static final String WEBAPP_LOGIN = "/camunda/api/admin/auth/user/";
  private static final int LONGEST_LOGIN_FORM = 16 * 1024;
  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);

  /** The failures of one client for one login, in a row. */
  private record Failures(int count, Instant last) {

    Instant nextTry() {
      if (count < FREE_FAILURES) {
        return Instant.MIN;
      }
      long doublings = Math.min(count - FREE_FAILURES, 10);
      Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
      return last.plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait);
    }
  }

  private final Cache<String, Failures> failures = Caffeine.newBuilder()
      .maximumSize(100_000)
      .expireAfterWrite(MEMORY.plus(LONGEST_WAIT))
      .build();

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpServletRequest replayable = isWebappLogin(request) ? new ReadAgainRequest(request, LONGEST_LOGIN_FORM) : request;
    Optional<String> login = loginOf(replayable);
    if (login.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    String key = request.getRemoteAddr() + '\n' + login.get().toLowerCase(Locale.ROOT);
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Failures before = current(key, now);
    if (before != null && before.nextTry().isAfter(now)) {
      refuse(response, Duration.between(now, before.nextTry()));
      return;
    }
    chain.doFilter(replayable, response);
    if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
      Failures after = new Failures(before == null ? 1 : before.count() + 1, now);
      failures.put(key, after);
      if (after.count() == FREE_FAILURES) {
        LOG.info("{} failed logins in a row for {} from {}: its next tries wait", after.count(), login.get(), request.getRemoteAddr());
      }
    } else if (before != null) {
      failures.invalidate(key);
    }
  }

  private Failures current(String key, Instant now) {
    Failures known = failures.getIfPresent(key);
    if (known != null && known.last().plus(MEMORY).isBefore(now) && !known.nextTry().isAfter(now)) {
      failures.invalidate(key);
      return null;
    }
    return known;
  }

  private static void refuse(HttpServletResponse response, Duration wait) throws IOException {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    long minutes = (seconds + 59) / 60;
    response.setHeader("Retry-After", Long.toString(seconds));
    EngineErrors.write(response, 429, "TooManyLoginAttempts", "Trop de tentatives de connexion infructueuses pour cet identifiant : "
        + "réessayez dans " + (minutes == 1 ? "une minute." : minutes + " minutes."));
  }

  private static boolean isWebappLogin(HttpServletRequest request) {
    return "POST".equals(request.getMethod())
        && request.getRequestURI().startsWith(request.getContextPath() + WEBAPP_LOGIN)
        && request.getRequestURI().contains("/login/");
  }

  /** The login a request tries: its HTTP Basic user, or the webapps' login form's. */
  private static Optional<String> loginOf(HttpServletRequest request) throws IOException {
    if (request instanceof ReadAgainRequest form) {
      return formField(form.body(), "username");
    }
    String authorization = request.getHeader("Authorization");
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    try {
      String credentials = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
      int colon = credentials.indexOf(':');
      return colon > 0 ? Optional.of(credentials.substring(0, colon)) : Optional.empty();
    } catch (IllegalArgumentException unreadable) {
      return Optional.empty();
    }
  }

  /** A field of a form's body ({@code application/x-www-form-urlencoded}). */
  private static Optional<String> formField(byte[] body, String name) {
    String prefix = name + "=";
    for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
      if (pair.startsWith(prefix)) {
        try {
          String value = URLDecoder.decode(pair.substring(prefix.length()), StandardCharsets.UTF_8);
          return value.isBlank() ? Optional.empty() : Optional.of(value);
        } catch (IllegalArgumentException unreadable) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  @Configuration
  static class Registration {

    @Bean
    FilterRegistrationBean<LoginThrottle> loginThrottle() {
      FilterRegistrationBean<LoginThrottle> registration = new FilterRegistrationBean<>(new LoginThrottle());
      registration.setName("login-throttle");
      // before anything checks a password
      registration.setOrder(-50);
      registration.addUrlPatterns("/engine-rest/*", "/api/*", "/actuator/prometheus", "/mailbox", WEBAPP_LOGIN + "*");
      return registration;
    }
  }
}
