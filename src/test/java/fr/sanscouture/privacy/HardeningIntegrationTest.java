package fr.sanscouture.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import fr.sanscouture.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/** The webapps as production serves them: secure session cookie and security headers. */
class HardeningIntegrationTest extends PostgresIntegrationTest {

  @Autowired TestRestTemplate http;

  @Test
  void theWebappsSendSecureCookiesAndSecurityHeaders() {
    ResponseEntity<String> tasklist = http.getForEntity("/camunda/app/tasklist/default/", String.class);

    HttpHeaders headers = tasklist.getHeaders();
    assertThat(headers.get(HttpHeaders.SET_COOKIE)).isNotEmpty()
        .allSatisfy(cookie -> assertThat(cookie).contains("Secure").containsIgnoringCase("SameSite=Strict"));
    assertThat(headers.getFirst("Content-Security-Policy")).contains("default-src 'self'");
    assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(headers.getFirst("Strict-Transport-Security")).contains("max-age=");
  }
}
