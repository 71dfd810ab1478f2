package fr.sanscouture.model;

import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The request Camunda Modeler sends to deploy a diagram with the files attached to it. */
public final class ModelerRequest {

  private ModelerRequest() {}

  /** Deploys the files, by their file names, with Basic authentication and duplicate filtering, as the Modeler does. */
  public static ResponseEntity<String> deploy(TestRestTemplate http, String user, String password, String name,
      Map<String, byte[]> files) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("deployment-name", name);
    parts.add("deployment-source", "Camunda Modeler");
    parts.add("enable-duplicate-filtering", "true");
    files.forEach((fileName, content) -> parts.add(fileName, new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return fileName;
      }
    }));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return http.withBasicAuth(user, password).postForEntity("/engine-rest/deployment/create", new HttpEntity<>(parts, headers),
        String.class);
  }
}
