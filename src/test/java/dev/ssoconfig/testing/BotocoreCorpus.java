package dev.ssoconfig.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The config-file conformance corpus: inputs with what botocore (the AWS CLI's config reader) made
 * of them, recorded by {@code src/test/resources/configfile/corpus/record_botocore.py} (see the
 * {@code SOURCES.md} beside it). Each input gives two cases: the file as stored ({@code lf}) and
 * with CRLF line endings ({@code crlf}).
 *
 * <p>A corpus folder holds one or more recordings {@code NAME.json}; a recorded path is read
 * relative to the folder, else relative to its sub-folder {@code NAME}. The committed corpus is
 * {@link #committed()}; the system property {@value #EXTRA_PROPERTY} names another folder to run as
 * well, e.g. the SDK teams' parser-test inputs, which are not committed (SOURCES.md says why).
 */
public final class BotocoreCorpus {
  /** System property: a folder of further recordings and inputs to run as well. */
  public static final String EXTRA_PROPERTY = "configfile.corpus.extra";

  private BotocoreCorpus() {}

  /**
   * One input in one line-ending form, with botocore's reading.
   *
   * @param name the recorded path and the form, e.g. {@code edge/bom.config (crlf)}
   * @param bytes the input in that form
   * @param readable whether botocore read it
   * @param config what {@code load_config} returned (plain maps and strings), when readable
   * @param errorType the error botocore wrapped in {@code ConfigParseError}, when not
   * @param errorLine the 1-based line of that error, 0 when not known
   */
  public record Case(
      String name,
      byte[] bytes,
      boolean readable,
      Map<String, Object> config,
      String errorType,
      int errorLine) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** The committed corpus folder. */
  public static Path committed() {
    return Path.of(System.getProperty("basedir", "."), "src/test/resources/configfile/corpus");
  }

  /** The committed corpus, and the folder of {@value #EXTRA_PROPERTY} when set. */
  public static List<Case> all() {
    List<Case> cases = new ArrayList<>(load(committed()));
    String extra = System.getProperty(EXTRA_PROPERTY);
    if (extra != null && !extra.isBlank()) {
      cases.addAll(load(Path.of(extra)));
    }
    return cases;
  }

  /**
   * @param folder a corpus folder
   * @return its cases, two per recorded input, in recording order
   */
  public static List<Case> load(Path folder) {
    ObjectMapper json = new ObjectMapper();
    List<Case> cases = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path recording : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        String base = recording.getFileName().toString().replaceAll("\\.json$", "");
        Iterator<Map.Entry<String, JsonNode>> entries =
            json.readTree(recording.toFile()).get("cases").fields();
        while (entries.hasNext()) {
          Map.Entry<String, JsonNode> entry = entries.next();
          Path input = folder.resolve(entry.getKey());
          if (!Files.exists(input)) {
            input = folder.resolve(base).resolve(entry.getKey());
          }
          byte[] lf = Files.readAllBytes(input);
          cases.add(caseOf(json, entry.getKey() + " (lf)", lf, entry.getValue().get("lf")));
          cases.add(
              caseOf(json, entry.getKey() + " (crlf)", crlf(lf), entry.getValue().get("crlf")));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return cases;
  }

  /** Every LF not already preceded by CR becomes CRLF; a lone CR stays. */
  public static byte[] crlf(byte[] bytes) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(bytes.length + 64);
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n' && (i == 0 || bytes[i - 1] != '\r')) {
        out.write('\r');
      }
      out.write(bytes[i]);
    }
    return out.toByteArray();
  }

  @SuppressWarnings("unchecked")
  private static Case caseOf(ObjectMapper json, String name, byte[] bytes, JsonNode record) {
    boolean readable = record.get("readable").asBoolean();
    if (readable) {
      return new Case(
          name, bytes, true, json.convertValue(record.get("config"), Map.class), null, 0);
    }
    JsonNode error = record.get("error");
    JsonNode line = error.get("line");
    return new Case(
        name,
        bytes,
        false,
        null,
        error.get("type").asText(),
        line == null || line.isNull() ? 0 : line.asInt());
  }
}
