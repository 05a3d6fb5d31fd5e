package dev.ssoconfig.profiles;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.ssoconfig.Failure;
import dev.ssoconfig.text.SafeText;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Names that replace the account and role names Identity Center lists, read from a rename file (the
 * {@code --template FILE} of the original aws-sso-config-generator):
 *
 * <pre>
 * {
 *   "accounts": { "111111111111": "Prod", "222222222222": "Dev" },
 *   "roles": { "AdministratorAccess": "Admin", "ReadOnlyAccess": "" }
 * }
 * </pre>
 *
 * <p>Both keys are optional. Accounts are keyed by their 12-digit account ID, roles by their exact
 * role name (case-sensitive). A mapped name replaces {@code {account_name}} / {@code {role_name}}
 * of the {@link ProfileNameTemplate} and is sanitised like any name; a name that is empty (or only
 * whitespace) leaves the placeholder out together with its separator, so {@code {"roles":
 * {"AdministratorAccess": ""}}} names the profile after the account alone. Filters ({@link
 * PairFilter}) still see the names Identity Center lists (also in their sanitised form), not these.
 */
public final class RenameMap {

  /** Renames nothing. */
  public static final RenameMap NONE = new RenameMap(Map.of(), Map.of());

  private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

  private static final JsonFactory JSON = new JsonFactory();

  private final Map<String, String> accounts;
  private final Map<String, String> roles;

  private RenameMap(Map<String, String> accounts, Map<String, String> roles) {
    this.accounts = Map.copyOf(accounts);
    this.roles = Map.copyOf(roles);
  }

  /**
   * A rename map from given names, without the checks of {@link #parse}.
   *
   * @param accounts account ID to name
   * @param roles role name to name
   * @return the map
   */
  public static RenameMap of(Map<String, String> accounts, Map<String, String> roles) {
    return new RenameMap(accounts, roles);
  }

  /**
   * Reads a rename file's content.
   *
   * @param json the file's content (strict JSON: no comments, no trailing commas); a leading byte
   *     order mark is skipped
   * @param sourceName how to name the file in a message, e.g. the path the person gave
   * @return the names the file maps
   * @throws Failure of kind {@link Failure.Kind#USAGE} with a one-line message {@code cannot read
   *     rename file NAME, line N, column C: …} (Jackson's {@link JsonLocation}, both counted from
   *     1) that says in words what is wrong, without the JSON library's own wording (see {@link
   *     JsonProblems}), when the content is not JSON, is empty, is not an object, has a top-level
   *     key other than {@code accounts} and {@code roles} or one of them twice, has an {@code
   *     accounts} or {@code roles} value that is not an object, an account key that is not a
   *     12-digit account ID, a key given twice, a mapped name that is not a string, or content
   *     after the object. An empty file is named without a line.
   */
  public static RenameMap parse(String json, String sourceName) {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(sourceName, "sourceName");
    String content = json.startsWith("\uFEFF") ? json.substring(1) : json;
    try (JsonParser parser = JSON.createParser(content)) {
      try {
        return new Reader(parser, sourceName).read();
      } catch (JsonProcessingException e) {
        JsonLocation where =
            JsonProblems.isUnterminatedString(e) ? parser.currentTokenLocation() : e.getLocation();
        throw failure(sourceName, where, JsonProblems.describe(e, parser), e);
      }
    } catch (IOException e) {
      throw Failure.usage(
          "cannot read rename file "
              + SafeText.line(sourceName)
              + ": "
              + SafeText.detail(e.getMessage()),
          e);
    }
  }

  /**
   * @param accountId a 12-digit account ID
   * @return the name the file maps it to (possibly empty), or empty when it is not mapped
   */
  public Optional<String> account(String accountId) {
    return Optional.ofNullable(accounts.get(accountId));
  }

  /**
   * @param roleName a role name as Identity Center lists it
   * @return the name the file maps it to (possibly empty), or empty when it is not mapped
   */
  public Optional<String> role(String roleName) {
    return Optional.ofNullable(roles.get(roleName));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RenameMap that
        && accounts.equals(that.accounts)
        && roles.equals(that.roles);
  }

  @Override
  public int hashCode() {
    return Objects.hash(accounts, roles);
  }

  @Override
  public String toString() {
    return "RenameMap[accounts=" + accounts + ", roles=" + roles + "]";
  }

  private static Failure failure(
      String sourceName, JsonLocation location, String reason, Throwable cause) {
    String where =
        location == null || location.getLineNr() < 1
            ? ""
            : ", line "
                + location.getLineNr()
                + (location.getColumnNr() < 1 ? "" : ", column " + location.getColumnNr());
    return Failure.usage(
        "cannot read rename file " + SafeText.line(sourceName) + where + ": " + reason, cause);
  }

  /** Walks the tokens of one rename file; holds the parser and the file name for messages. */
  private static final class Reader {
    private final JsonParser parser;
    private final String sourceName;

    Reader(JsonParser parser, String sourceName) {
      this.parser = parser;
      this.sourceName = sourceName;
    }

    RenameMap read() throws IOException {
      JsonToken token = parser.nextToken();
      if (token == null) {
        throw failure(
            sourceName,
            null,
            "the file is empty; expected {\"accounts\": {…}, \"roles\": {…}}",
            null);
      }
      if (token != JsonToken.START_OBJECT) {
        throw error("expected an object like {\"accounts\": {…}, \"roles\": {…}}");
      }
      Map<String, String> accounts = null;
      Map<String, String> roles = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        if (key.equals("accounts")) {
          if (accounts != null) {
            throw error("\"accounts\" is given twice");
          }
          accounts = section("account");
        } else if (key.equals("roles")) {
          if (roles != null) {
            throw error("\"roles\" is given twice");
          }
          roles = section("role");
        } else {
          throw error("unknown key " + SafeText.quote(key) + "; use \"accounts\" and \"roles\"");
        }
      }
      if (parser.nextToken() != null) {
        throw error("unexpected content after the closing }");
      }
      return new RenameMap(
          accounts == null ? Map.of() : accounts, roles == null ? Map.of() : roles);
    }

    /** Reads the object after {@code "accounts":} or {@code "roles":}. */
    private Map<String, String> section(String kind) throws IOException {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw error(
            "expected an object for \""
                + kind
                + "s\", e.g. "
                + (kind.equals("account")
                    ? "{\"111111111111\": \"Prod\"}"
                    : "{\"AdministratorAccess\": \"Admin\"}"));
      }
      Map<String, String> names = new LinkedHashMap<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        if (kind.equals("account") && !ACCOUNT_ID.matcher(key).matches()) {
          throw error("account " + SafeText.quote(key) + " is not a 12-digit account ID");
        }
        if (names.containsKey(key)) {
          throw error(kind + " " + SafeText.quote(key) + " is given twice");
        }
        if (parser.nextToken() != JsonToken.VALUE_STRING) {
          throw error("expected a string for " + kind + " " + SafeText.quote(key));
        }
        names.put(key, parser.getText());
      }
      return names;
    }

    private Failure error(String reason) {
      return failure(sourceName, parser.currentTokenLocation(), reason, null);
    }
  }
}
