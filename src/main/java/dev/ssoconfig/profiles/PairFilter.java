package dev.ssoconfig.profiles;

import dev.ssoconfig.Failure;
import dev.ssoconfig.portal.AccountRole;
import dev.ssoconfig.text.SafeText;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which account/role pairs get a profile, from the repeatable {@code --include PATTERN} and {@code
 * --exclude PATTERN} options.
 *
 * <p>A pattern is {@code ACCOUNT/ROLE}, split at its <em>last</em> {@code /} (role names cannot
 * contain {@code /}, account names can). {@code ACCOUNT} matches when it matches the account ID,
 * the account name as Identity Center lists it ({@code Prod Account (EU)}), or that name as it
 * appears in profile names, made valid by {@link ProfileNames#sanitize} ({@code Prod-Account-EU});
 * a name from the rename file is not matched. {@code ROLE} matches the role name. Both are globs:
 * {@code *} any run of characters, {@code ?} one character, everything else literal; matching is
 * case-sensitive, as account and role names are. Examples: {@code Prod*}{@code /*}, {@code *}{@code
 * /Billing}, {@code 123456789012/Admin*}.
 *
 * <p>A pair is kept when it matches some include (or there is no include) and no exclude; an
 * exclude therefore wins over an include.
 */
public final class PairFilter {

  /** Keeps every pair. */
  public static final PairFilter ALL = new PairFilter(List.of(), List.of());

  private final List<PairPattern> includes;
  private final List<PairPattern> excludes;

  private PairFilter(List<PairPattern> includes, List<PairPattern> excludes) {
    this.includes = List.copyOf(includes);
    this.excludes = List.copyOf(excludes);
  }

  /**
   * Parses the patterns of {@code --include} and {@code --exclude}.
   *
   * @param includes the {@code --include} values in the order given; empty keeps every pair not
   *     excluded
   * @param excludes the {@code --exclude} values in the order given
   * @return the filter
   * @throws Failure of kind {@link Failure.Kind#USAGE} when a pattern has no {@code /}, or nothing
   *     before or after its last {@code /}; the one-line message names the option and the pattern
   *     and explains {@code ACCOUNT/ROLE}
   */
  public static PairFilter of(List<String> includes, List<String> excludes) {
    return new PairFilter(parseAll("--include", includes), parseAll("--exclude", excludes));
  }

  /**
   * @param role one pair from the portal
   * @return whether the pair gets a profile
   */
  public boolean keeps(AccountRole role) {
    Objects.requireNonNull(role, "role");
    boolean included = includes.isEmpty() || includes.stream().anyMatch(p -> p.matches(role));
    return included && excludes.stream().noneMatch(p -> p.matches(role));
  }

  /**
   * @return the {@code --include} patterns as given, in order
   */
  public List<String> includePatterns() {
    return includes.stream().map(PairPattern::text).toList();
  }

  /**
   * @return the {@code --exclude} patterns as given, in order
   */
  public List<String> excludePatterns() {
    return excludes.stream().map(PairPattern::text).toList();
  }

  /**
   * @return whether this filter keeps every pair
   */
  public boolean keepsAll() {
    return includes.isEmpty() && excludes.isEmpty();
  }

  @Override
  public String toString() {
    return "PairFilter[includes=" + includes + ", excludes=" + excludes + "]";
  }

  private static List<PairPattern> parseAll(String option, List<String> patterns) {
    List<PairPattern> parsed = new ArrayList<>(patterns.size());
    for (String pattern : patterns) {
      parsed.add(PairPattern.parse(option, Objects.requireNonNull(pattern, "pattern")));
    }
    return parsed;
  }

  /** One {@code ACCOUNT/ROLE} pattern, and its text as given. */
  private record PairPattern(String text, Glob account, Glob role) {

    static PairPattern parse(String option, String pattern) {
      int slash = pattern.lastIndexOf('/');
      String usage =
          "; write ACCOUNT/ROLE, where ACCOUNT is an account name or account ID and * matches"
              + " anything, e.g. "
              + option
              + " 'Prod*/*' or "
              + option
              + " '123456789012/Admin*'";
      if (slash < 0) {
        throw Failure.usage(
            option + " " + SafeText.quote(pattern) + " has no / between account and role" + usage);
      }
      if (slash == 0) {
        throw Failure.usage(
            option + " " + SafeText.quote(pattern) + " has no account before the last /" + usage);
      }
      if (slash == pattern.length() - 1) {
        throw Failure.usage(
            option + " " + SafeText.quote(pattern) + " has no role after the last /" + usage);
      }
      return new PairPattern(
          pattern, new Glob(pattern.substring(0, slash)), new Glob(pattern.substring(slash + 1)));
    }

    boolean matches(AccountRole role) {
      // the role first: sanitising the account name (a normalisation and regexes) is the costly
      // test, run only for a pair whose role matches and whose ID and name as given do not
      return this.role.matches(role.roleName())
          && (account.matches(role.accountId())
              || account.matches(role.accountName())
              || account.matches(ProfileNames.sanitize(role.accountName())));
    }

    @Override
    public String toString() {
      return account + "/" + role;
    }
  }
}
