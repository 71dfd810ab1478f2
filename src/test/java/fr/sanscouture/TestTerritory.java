package fr.sanscouture;

import fr.sanscouture.territory.Territory;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/** The application's own territory.yaml, bound as the application binds it, for tests without Spring. */
public final class TestTerritory {

  private TestTerritory() {}

  public static Territory load() {
    try {
      var sources = new YamlPropertySourceLoader().load("territory", new ClassPathResource("territory.yaml"));
      return new Binder(ConfigurationPropertySources.from(sources)).bind("sans-couture.territory", Territory.class).get();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
