package fr.sanscouture.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.sanscouture.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/** Production's hardening: the password policy, secure cookies and security headers of the webapps. */
class HardeningIntegrationTest extends PostgresIntegrationTest {

  @Autowired TestRestTemplate http;

  @Test
  void aWeakPasswordIsRefused() {
    var user = identityService.newUser("mot-de-passe-faible");
    user.setFirstName("Faible");
    user.setLastName("Test");
    user.setPassword("demo");

    assertThatThrownBy(() -> identityService.saveUser(user)).isInstanceOf(org.camunda.bpm.engine.BadUserRequestException.class)
        .hasMessageStartingWith("Le mot de passe ne respecte pas la règle : au moins 10 caractères");
    assertThat(identityService.createUserQuery().userId("mot-de-passe-faible").count()).isZero();
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"/immersion/inconnue/signature/jeton", "/api/parcours", "/engine-rest/task"})
  void theApplicationsOwnPagesAndApisCannotBeFramedAndStayOnHttps(String path) {
    ResponseEntity<String> answer = http.getForEntity(path, String.class);

    HttpHeaders headers = answer.getHeaders();
    assertThat(headers.getFirst("X-Frame-Options")).as(path).isEqualTo("DENY");
    assertThat(headers.getFirst("Content-Security-Policy")).as(path).contains("frame-ancestors 'none'");
    assertThat(headers.getFirst("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
    assertThat(headers.getFirst("Referrer-Policy")).as(path).isEqualTo("no-referrer");
    assertThat(headers.getFirst("Strict-Transport-Security")).as(path).contains("max-age=");
  }

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
