package fr.sanscouture.model;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/** The files a coordinator works on, {@code processes/} and {@code forms/}, and the changes a test makes to them. */
final class Workspace {

  private Workspace() {}

  /** By the path the application deploys them under: {@code processes/follow-up.bpmn}. */
  static Map<String, byte[]> byPath() {
    Map<String, byte[]> files = new TreeMap<>();
    for (Path folder : List.of(Path.of("processes"), Path.of("forms"))) {
      try (Stream<Path> entries = Files.list(folder)) {
        for (Path file : entries.filter(Files::isRegularFile).toList()) {
          files.put(folder + "/" + file.getFileName(), Files.readAllBytes(file));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return files;
  }

  /** By their file names, as the Modeler attaches them to a deployment. */
  static Map<String, byte[]> byFileName() {
    Map<String, byte[]> files = new TreeMap<>();
    byPath().forEach((path, content) -> files.put(Path.of(path).getFileName().toString(), content));
    return files;
  }

  /** The model, changed as a coordinator would in the Modeler. */
  static byte[] edit(byte[] bpmn, Consumer<BpmnModelInstance> change) {
    BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn));
    change.accept(model);
    return Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8);
  }
}
