package dev.ssoconfig.profiles;

import dev.ssoconfig.Failure;
import dev.ssoconfig.text.SafeText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed {@code --profile-template}: literal text and {@link Placeholder}s, e.g. {@code
 * {account_name}.{role_name}} (the default).
 *
 * <p>Syntax: {@code {name}} is a placeholder, where name is one of {@code account_name}, {@code
 * account_id}, {@code role_name}, {@code sso_session}, {@code region} (case-sensitive, no spaces);
 * every other character is literal. There is no escape for a brace: braces cannot appear in a
 * profile name anyway.
 *
 * <p>Rendering ({@link #render}) writes the literal text and the placeholder values, then passes
 * the whole name through {@link ProfileNames#sanitize}; literal characters outside {@code
 * [A-Za-z0-9_.@:+/%-]} therefore become {@code -} like those of any value.
 *
 * <p><b>Empty values and their separator.</b> A placeholder whose value is empty (only a name the
 * rename file maps to {@code ""}) is left out together with its separator: the text between it and
 * the previous placeholder; when no placeholder before it is written, the text between it and the
 * next placeholder instead. Text before the first placeholder and after the last one is always
 * written. Equivalently: the text between two neighbouring placeholders is written only when the
 * placeholder after it is written and some placeholder before it is written. With the role left
 * out, {@code {account_name}.{role_name}} gives {@code Prod}, {@code {role_name}.{account_name}}
 * gives {@code Prod}, {@code aws-{account_name}-{role_name}@{region}} gives {@code
 * aws-Prod@eu-west-1} and {@code {account_name}/{role_name}.cli} gives {@code Prod.cli}.
 */
public final class ProfileNameTemplate {

  /** {@code {account_name}.{role_name}}: {@code Prod-Account.AdministratorAccess}. */
  public static final ProfileNameTemplate DEFAULT =
      new ProfileNameTemplate(
          "{account_name}.{role_name}",
          List.of("", ".", ""),
          List.of(Placeholder.ACCOUNT_NAME, Placeholder.ROLE_NAME));

  private final String text;

  /** The literal text around the placeholders: one more entry than {@link #placeholders}. */
  private final List<String> literals;

  private final List<Placeholder> placeholders;

  private ProfileNameTemplate(String text, List<String> literals, List<Placeholder> placeholders) {
    this.text = text;
    this.literals = List.copyOf(literals);
    this.placeholders = List.copyOf(placeholders);
  }

  /**
   * Parses a {@code --profile-template}.
   *
   * @param text the template, e.g. {@code {account_name}-{role_name}}
   * @return the parsed template
   * @throws Failure of kind {@link Failure.Kind#USAGE} when {@code text} is empty or blank, has no
   *     placeholder, names an unknown placeholder, or has an unclosed {@code {} or a {@code }}
   *     without its {@code {}; the message lists the valid placeholders
   */
  public static ProfileNameTemplate parse(String text) {
    Objects.requireNonNull(text, "text");
    if (text.isBlank()) {
      throw Failure.usage(
          "--profile-template is empty; use " + Placeholder.ALL + ", e.g. " + DEFAULT.text());
    }
    List<String> literals = new ArrayList<>();
    List<Placeholder> placeholders = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '}') {
        throw Failure.usage(
            "} without a matching { at character "
                + position(text, i)
                + " of --profile-template; use "
                + Placeholder.ALL);
      }
      if (c != '{') {
        literal.append(c);
        i++;
        continue;
      }
      int close = text.indexOf('}', i + 1);
      int nextOpen = text.indexOf('{', i + 1);
      if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
        throw Failure.usage(
            "unclosed { at character "
                + position(text, i)
                + " of --profile-template; use "
                + Placeholder.ALL);
      }
      String name = text.substring(i + 1, close);
      Optional<Placeholder> placeholder = Placeholder.byName(name);
      if (placeholder.isEmpty()) {
        String written = SafeText.quote("{" + name + "}");
        throw Failure.usage(
            "unknown placeholder "
                + written.substring(1, written.length() - 1)
                + " in --profile-template; use "
                + Placeholder.ALL);
      }
      literals.add(literal.toString());
      literal.setLength(0);
      placeholders.add(placeholder.get());
      i = close + 1;
    }
    literals.add(literal.toString());
    if (placeholders.isEmpty()) {
      throw Failure.usage(
          "--profile-template has no placeholder, so every profile would get the same name; use "
              + Placeholder.ALL
              + ", e.g. "
              + DEFAULT.text());
    }
    return new ProfileNameTemplate(text, literals, placeholders);
  }

  /**
   * @return the template as given to {@link #parse}
   */
  public String text() {
    return text;
  }

  /**
   * @return the placeholders in the order they appear, a placeholder used twice listed twice
   */
  public List<Placeholder> placeholders() {
    return placeholders;
  }

  /**
   * Renders a profile name.
   *
   * @param values the value of every placeholder this template uses, already sanitised; an empty
   *     value is left out with its separator (see the class comment)
   * @return the name passed through {@link ProfileNames#sanitize}: never empty, matching {@code
   *     [A-Za-z0-9_.@:+/%-]+}
   * @throws IllegalArgumentException when {@code values} lacks a placeholder the template uses
   */
  public String render(Map<Placeholder, String> values) {
    StringBuilder name = new StringBuilder(literals.get(0));
    boolean written = false;
    for (int i = 0; i < placeholders.size(); i++) {
      Placeholder placeholder = placeholders.get(i);
      String value = values.get(placeholder);
      if (value == null) {
        throw new IllegalArgumentException("no value for " + placeholder);
      }
      if (value.isEmpty()) {
        continue;
      }
      if (written) {
        name.append(literals.get(i));
      }
      name.append(value);
      written = true;
    }
    name.append(literals.get(literals.size() - 1));
    return ProfileNames.sanitize(name.toString());
  }

  /**
   * @return the template text
   */
  @Override
  public String toString() {
    return text;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ProfileNameTemplate that && text.equals(that.text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  /**
   * @return the 1-based position of the character at {@code index}, counting code points
   */
  private static int position(String text, int index) {
    return text.codePointCount(0, index) + 1;
  }
}
