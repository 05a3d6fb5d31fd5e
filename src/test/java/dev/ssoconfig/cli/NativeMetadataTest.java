package dev.ssoconfig.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The GraalVM native-image metadata that ships in the jar (see {@code
 * META-INF/native-image/dev.ssoconfig/aws-sso-config-generator/README.md}), checked on the JVM: a
 * native build ignores a misspelt class or resource with at most a warning, and the executable then
 * fails only at run time.
 */
class NativeMetadataTest {
  private static final String DIR = "META-INF/native-image/dev.ssoconfig/aws-sso-config-generator/";

  /** The JDK feature release the release workflow builds the native executable with. */
  private static final int NATIVE_JDK = 25;

  /** JDK methods the metadata names that older JDKs, which run these tests too, lack. */
  private static final Set<String> NEWER_JDK_METHODS = Set.of("java.io.Console.isTerminal"); // 22

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode read(String resource) throws IOException {
    try (InputStream in = NativeMetadataTest.class.getClassLoader().getResourceAsStream(resource)) {
      // picocli's files are written by javac's annotation processing; a target/classes compiled
      // before the processor was configured lacks them until a clean build
      assertNotNull(in, "missing from the class path (try ./mvnw clean verify): " + resource);
      return JSON.readTree(in);
    }
  }

  private static Set<String> names(JsonNode object) {
    Set<String> names = new TreeSet<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Nested
  class ReachabilityMetadata {
    private final JsonNode metadata = read(DIR + "reachability-metadata.json");

    ReachabilityMetadata() throws IOException {}

    @Test
    void uses_only_attributes_graalvm_25_reads() {
      // GraalVM 25.0's ReflectionMetadataParser rejects others, e.g. "reason" of later schemas
      assertTrue(
          Set.of("reflection", "resources").containsAll(names(metadata)),
          names(metadata).toString());
      Set<String> entryAttributes =
          Set.of(
              "condition",
              "type",
              "methods",
              "fields",
              "allDeclaredConstructors",
              "allPublicConstructors",
              "allDeclaredMethods",
              "allPublicMethods",
              "allDeclaredFields",
              "allPublicFields",
              "unsafeAllocated");
      for (JsonNode entry : metadata.path("reflection")) {
        assertTrue(entryAttributes.containsAll(names(entry)), entry.toString());
      }
      for (JsonNode entry : metadata.path("resources")) {
        assertTrue(
            Set.of("condition", "module", "glob").containsAll(names(entry)), entry.toString());
      }
    }

    @Test
    void every_reflection_entry_names_a_class_and_members_that_exist() throws Exception {
      assertFalse(metadata.path("reflection").isEmpty());
      for (JsonNode entry : metadata.path("reflection")) {
        Class<?> type = load(entry.path("type").asText());
        for (JsonNode method : entry.path("methods")) {
          List<Class<?>> parameters = new ArrayList<>();
          for (JsonNode parameter : method.path("parameterTypes")) {
            parameters.add(load(parameter.asText()));
          }
          Class<?>[] types = parameters.toArray(Class<?>[]::new);
          String name = method.path("name").asText();
          try {
            if (name.equals("<init>")) {
              type.getDeclaredConstructor(types);
            } else {
              type.getDeclaredMethod(name, types);
            }
          } catch (NoSuchMethodException e) {
            String qualified = type.getName() + "." + name;
            boolean newerJdkMethod =
                NEWER_JDK_METHODS.contains(qualified) && Runtime.version().feature() < NATIVE_JDK;
            assertTrue(newerJdkMethod, "no such method: " + qualified);
          }
        }
      }
    }

    @Test
    void every_resource_entry_names_a_resource_on_the_class_path() {
      assertFalse(metadata.path("resources").isEmpty());
      for (JsonNode entry : metadata.path("resources")) {
        String glob = entry.path("glob").asText();
        assertFalse(glob.contains("*"), "check wildcards by hand: " + glob);
        assertNotNull(getClass().getClassLoader().getResource(glob), glob);
      }
    }

    /**
     * @param name a class name as the metadata writes it: {@code java.lang.String[]} for arrays
     */
    private Class<?> load(String name) throws ClassNotFoundException {
      if (name.endsWith("[]")) {
        return load(name.substring(0, name.length() - 2)).arrayType();
      }
      return Class.forName(name, false, getClass().getClassLoader());
    }
  }

  @Nested
  class PicocliGenerated {
    @Test
    void covers_every_annotated_field_of_the_command_and_the_version_provider() throws IOException {
      JsonNode config =
          read(
              "META-INF/native-image/picocli-generated/dev.ssoconfig/aws-sso-config-generator/"
                  + "reflect-config.json");
      Set<String> registered = new TreeSet<>();
      Set<String> classes = new TreeSet<>();
      for (JsonNode entry : config) {
        classes.add(entry.path("name").asText());
        if (entry.path("name").asText().equals(GenerateCommand.class.getName())) {
          entry.path("fields").forEach(f -> registered.add(f.path("name").asText()));
        }
      }
      Set<String> annotated = new TreeSet<>();
      for (Field field : GenerateCommand.class.getDeclaredFields()) {
        if (field.isAnnotationPresent(Option.class)
            || field.isAnnotationPresent(Parameters.class)
            || field.isAnnotationPresent(Mixin.class)
            || field.isAnnotationPresent(Spec.class)) {
          annotated.add(field.getName());
        }
      }

      assertFalse(annotated.isEmpty());
      assertEquals(annotated, registered);
      assertTrue(classes.contains(VersionProvider.class.getName()), classes.toString());
    }
  }
}
