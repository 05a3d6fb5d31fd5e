package dev.ssoconfig.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.ssoconfig.login.TokenCache;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a {@link RunReport} as the one JSON document {@code --json} prints on stdout, described by
 * {@code docs/output.schema.json} (JSON Schema draft 2020-12). Written with Jackson's streaming API
 * (jackson-core), pretty-printed, followed by one newline.
 *
 * <p>The document is plain ASCII: every character outside printable ASCII, and DEL, is written as a
 * {@code \}{@code uXXXX} escape (RFC 8259 section 7), so it reads the same in any terminal or
 * locale encoding, and a name from the portal or the config file cannot reach a terminal as a
 * control sequence however a script prints the document.
 */
final class JsonReport {
  /** The value of {@code formatVersion}; raised only when a change would break a reader. */
  static final int FORMAT_VERSION = 1;

  private static final JsonFactory JSON =
      JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

  /** Two spaces per level, {@code "key": value}, LF line ends on every platform. */
  private static final DefaultPrettyPrinter PRETTY =
      new DefaultPrettyPrinter(
              Separators.createDefaultInstance()
                  .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                  .withRootSeparator(""))
          .withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n"));

  private final PrintWriter out;

  /**
   * @param out stdout
   */
  JsonReport(PrintWriter out) {
    this.out = out;
  }

  /**
   * Writes the document and flushes.
   *
   * @param report what the run did
   */
  void print(RunReport report) {
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      json.setCharacterEscapes(AsciiEscapes.INSTANCE);
      json.setPrettyPrinter(PRETTY.createInstance());
      write(json, report);
    } catch (IOException e) {
      // a PrintWriter does not throw; kept for the API's sake
      throw new UncheckedIOException(e);
    }
    out.print('\n');
    out.flush();
  }

  private static void write(JsonGenerator json, RunReport report) throws IOException {
    json.writeStartObject();
    json.writeNumberField("formatVersion", FORMAT_VERSION);
    json.writeBooleanField("dryRun", report.dryRun());
    json.writeStringField("configFile", report.configFile().toString());
    json.writeBooleanField("changed", report.changed());
    json.writeFieldName("ssoSession");
    if (report.ssoSession().isPresent()) {
      RunReport.SessionOutcome session = report.ssoSession().get();
      json.writeStartObject();
      json.writeStringField("name", session.name());
      json.writeStringField("action", session.action().jsonName());
      json.writeEndObject();
    } else {
      json.writeNull();
    }
    json.writeStringField("tokenExpiresAt", TokenCache.formatTime(report.tokenExpiresAt()));
    json.writeArrayFieldStart("profiles");
    for (RunReport.ProfileOutcome profile : report.profiles()) {
      json.writeStartObject();
      json.writeStringField("name", profile.name());
      optional(json, "accountId", profile.accountId());
      optional(json, "accountName", profile.accountName());
      optional(json, "roleName", profile.roleName());
      json.writeStringField("action", profile.action().jsonName());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeObjectFieldStart("counts");
    for (Map.Entry<RunReport.Action, Integer> count : report.counts().entrySet()) {
      json.writeNumberField(count.getKey().jsonName(), count.getValue());
    }
    json.writeEndObject();
    json.writeEndObject();
  }

  /** Writes the value, or {@code null} when there is none: every field is always present. */
  private static void optional(JsonGenerator json, String field, Optional<String> value)
      throws IOException {
    if (value.isPresent()) {
      json.writeStringField(field, value.get());
    } else {
      json.writeNullField(field);
    }
  }

  /**
   * JSON's own escapes for ASCII, and DEL as {@code \}{@code u007F}; the factory's {@link
   * JsonWriteFeature#ESCAPE_NON_ASCII} escapes everything above it.
   */
  private static final class AsciiEscapes extends CharacterEscapes {
    static final AsciiEscapes INSTANCE = new AsciiEscapes();
    private static final long serialVersionUID = 1L;

    private final int[] escapes;

    private AsciiEscapes() {
      escapes = standardAsciiEscapesForJSON();
      escapes[0x7F] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return escapes;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return null; // only ESCAPE_STANDARD is used: \\uXXXX
    }
  }
}
