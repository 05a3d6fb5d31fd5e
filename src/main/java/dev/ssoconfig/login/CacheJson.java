package dev.ssoconfig.login;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON of the SSO cache files, read and written with Jackson's streaming API (jackson-core),
 * which is much cheaper to load at start-up than a data-binding {@code ObjectMapper}.
 *
 * <p>A cache file is one JSON object. Reading keeps its top-level string fields and its arrays of
 * strings, the last one when a name repeats (as Jackson's tree model and Python's {@code json} do);
 * every other value is skipped. Writing produces compact JSON ({@code {"a":"b","c":["d"]}}), fields
 * in the order given, in UTF-8 with only {@code "}, {@code \} and control characters escaped: the
 * bytes Jackson's {@code ObjectMapper} wrote for the same fields.
 */
final class CacheJson {
  private static final JsonFactory JSON = new JsonFactory();

  private CacheJson() {}

  /** The string fields and string-array fields of a JSON object. */
  record Fields(Map<String, String> strings, Map<String, List<String>> stringArrays) {
    /**
     * @return the field's text when it is a non-empty string, else null
     */
    String text(String name) {
      String value = strings.get(name);
      return value == null || value.isEmpty() ? null : value;
    }
  }

  /**
   * @param content the bytes of a file
   * @return its fields, or empty when it is not a JSON object (not JSON, truncated, an array, ...);
   *     anything after the object is ignored, as Jackson's {@code readTree} ignores it
   */
  static Optional<Fields> read(byte[] content) {
    Map<String, String> strings = new HashMap<>();
    Map<String, List<String>> arrays = new HashMap<>();
    try (JsonParser parser = JSON.createParser(content)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        strings.remove(name);
        arrays.remove(name);
        if (value == JsonToken.VALUE_STRING) {
          strings.put(name, parser.getText());
        } else if (value == JsonToken.START_ARRAY) {
          stringArray(parser).ifPresent(list -> arrays.put(name, list));
        } else {
          parser.skipChildren();
        }
      }
      return Optional.of(new Fields(strings, arrays));
    } catch (IOException notJsonOrTruncated) {
      return Optional.empty();
    }
  }

  /** Reads the rest of an array; empty when an element is not a string. */
  private static Optional<List<String>> stringArray(JsonParser parser) throws IOException {
    List<String> values = new ArrayList<>();
    boolean onlyStrings = true;
    for (JsonToken element = parser.nextToken();
        element != JsonToken.END_ARRAY;
        element = parser.nextToken()) {
      if (element == null) {
        throw new IOException("end of input inside an array");
      }
      if (element == JsonToken.VALUE_STRING) {
        values.add(parser.getText());
      } else {
        onlyStrings = false;
        parser.skipChildren();
      }
    }
    return onlyStrings ? Optional.of(values) : Optional.empty();
  }

  /** Writes one JSON object. */
  interface Body {
    void write(JsonGenerator json) throws IOException;
  }

  /**
   * @param body writes the fields of the object
   * @return the object as compact UTF-8 JSON
   */
  static byte[] object(Body body) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator json = JSON.createGenerator(bytes, JsonEncoding.UTF8)) {
      json.writeStartObject();
      body.write(json);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing JSON to memory", e);
    }
    return bytes.toByteArray();
  }

  /**
   * @param body writes the fields of the object
   * @return the object as compact JSON text
   */
  static String objectText(Body body) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(text)) {
      json.writeStartObject();
      body.write(json);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing JSON to memory", e);
    }
    return text.toString();
  }

  /** Writes a string field unless the value is null. */
  static void fieldIfPresent(JsonGenerator json, String name, String value) throws IOException {
    if (value != null) {
      json.writeStringField(name, value);
    }
  }

  /** Writes an array of strings. */
  static void stringArray(JsonGenerator json, String name, List<String> values) throws IOException {
    json.writeArrayFieldStart(name);
    for (String value : values) {
      json.writeString(value);
    }
    json.writeEndArray();
  }
}
