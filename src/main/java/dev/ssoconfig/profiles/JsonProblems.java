package dev.ssoconfig.profiles;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.io.ContentReference;
import dev.ssoconfig.text.SafeText;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says in plain words what is wrong with JSON that Jackson's streaming parser could not read, for a
 * message about a file a person wrote (the rename file). Jackson's own messages name its features,
 * character codes and {@code [Source: …]} locations; none of that is shown.
 *
 * <p>The descriptions follow the messages of Jackson 2.x's {@code ReaderBasedJsonParser} for strict
 * JSON (tested in {@code RenameMapTest$BrokenJson}); anything else is {@code not valid JSON}.
 */
final class JsonProblems {
  /** {@code 'x' (code 120)} or {@code (CTRL-CHAR, code 9)}: the character Jackson stopped at. */
  private static final Pattern CHARACTER = Pattern.compile("[(,] ?code (\\d+)\\)");

  private static final Pattern UNRECOGNIZED_TOKEN = Pattern.compile("^Unrecognized token '(.*)':");

  private static final Pattern CLOSE_MARKER = Pattern.compile("^Unexpected close marker '(.)'");

  private static final Pattern BAD_ESCAPE = Pattern.compile("^Unrecognized character escape");

  private JsonProblems() {}

  /**
   * @param e what Jackson threw
   * @return whether the JSON ended inside a string, whose start (not the end of the file) is the
   *     place to name
   */
  static boolean isUnterminatedString(JsonProcessingException e) {
    return message(e).contains("was expecting closing quote for a string value");
  }

  /**
   * @param e what Jackson threw
   * @param parser the parser that threw it, for where the open object or list started
   * @return one line, e.g. {@code expected a ',' or '}'}; never Jackson's wording, class names or
   *     source description
   */
  static String describe(JsonProcessingException e, JsonParser parser) {
    String message = message(e);
    String found = found(message);
    if (isUnterminatedString(e)) {
      return "the string that starts here has no closing '\"'";
    }
    if (message.contains("was expecting comma to separate Object entries")) {
      return "expected a ',' or '}'";
    }
    if (message.contains("was expecting comma to separate Array entries")) {
      return "expected a ',' or ']'";
    }
    if (message.contains("was expecting double-quote to start field name")) {
      if ("'}'".equals(found)) {
        return "expected a name in double quotes after ',', found '}' (JSON allows no ',' before"
            + " '}')";
      }
      if ("\"'\"".equals(found)) {
        return "expected a name in double quotes, found \"'\" (JSON has no single quotes)";
      }
      return "expected a name in double quotes" + (found == null ? "" : ", found " + found);
    }
    if (message.contains("was expecting a colon to separate field name and value")) {
      return "expected a ':' after the name";
    }
    if (message.startsWith("Unexpected end-of-input")) {
      return parser.getParsingContext().inArray()
          ? "the file ends before the ']' that closes the list" + openedAt(parser)
          : "the file ends before the '}' that closes the object" + openedAt(parser);
    }
    Matcher token = UNRECOGNIZED_TOKEN.matcher(message);
    if (token.find()) {
      return "unexpected word " + SafeText.quote(token.group(1)) + "; write names in double quotes";
    }
    Matcher close = CLOSE_MARKER.matcher(message);
    if (close.find()) {
      JsonStreamContext open = parser.getParsingContext();
      if (open.inRoot()) {
        return "found '" + close.group(1) + "' with no object open";
      }
      return "found '"
          + close.group(1)
          + (open.inObject()
              ? "' where '}' should close the object"
              : "' where ']' should close the list")
          + openedAt(parser);
    }
    if (message.startsWith("Illegal unquoted character")) {
      return "a line break, tab or other control character inside a string; write it as \\n, \\t"
          + " or \\uXXXX";
    }
    if (BAD_ESCAPE.matcher(message).find()) {
      String escaped = found == null ? "" : found.startsWith("'") ? unquoted(found) : found;
      return "\\" + escaped + " is not an escape JSON knows; write a backslash as \\\\";
    }
    if (message.contains("maybe a (non-standard) comment")) {
      return "JSON allows no comments";
    }
    if (message.contains("numeric value")) {
      return "not a valid number";
    }
    if (message.contains("expected a valid value")) {
      return "expected a value" + (found == null ? "" : ", found " + found);
    }
    return found != null ? "unexpected " + found : "not valid JSON";
  }

  private static String message(JsonProcessingException e) {
    return e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
  }

  /**
   * The character Jackson names, quoted for a message ({@code '}'}), with {@link SafeText#quote}
   * when it is a quote, a backslash or unsafe to print; {@code null} when it names none.
   */
  private static String found(String message) {
    Matcher m = CHARACTER.matcher(message);
    if (!m.find()) {
      return null;
    }
    int codePoint = Integer.parseInt(m.group(1));
    if (!Character.isValidCodePoint(codePoint)) {
      return null;
    }
    String text = new String(Character.toChars(codePoint));
    return codePoint == '\'' || codePoint == '\\' || SafeText.isUnsafe(codePoint)
        ? SafeText.quote(text)
        : "'" + text + "'";
  }

  private static String unquoted(String found) {
    return found.substring(1, found.length() - 1);
  }

  /** {@code " at line 1, column 1"}: where the innermost open object or list starts. */
  private static String openedAt(JsonParser parser) {
    JsonStreamContext open = parser.getParsingContext();
    if (open == null || open.inRoot()) {
      return "";
    }
    JsonLocation start = open.startLocation(ContentReference.unknown());
    return start.getLineNr() < 1
        ? ""
        : " at line " + start.getLineNr() + ", column " + start.getColumnNr();
  }
}
