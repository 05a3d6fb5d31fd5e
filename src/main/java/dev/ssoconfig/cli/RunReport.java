package dev.ssoconfig.cli;

import dev.ssoconfig.configfile.EditResult;
import dev.ssoconfig.configfile.SessionChange;
import dev.ssoconfig.portal.AccountRole;
import dev.ssoconfig.profiles.ExistingProfile;
import dev.ssoconfig.profiles.ProfilePlan;
import dev.ssoconfig.profiles.ProfileSpec;
import dev.ssoconfig.profiles.Property;
import dev.ssoconfig.profiles.SsoSessionSpec;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one successful run did, profile by profile: the data of the {@code --json} document ({@link
 * JsonReport}, described by {@code docs/output.schema.json}).
 *
 * @param configFile the config file, absolute
 * @param dryRun whether nothing was written (every action is then what would have been done)
 * @param changed whether the file changed (in a dry run: would change)
 * @param ssoSession the sso-session section and what happened to it; empty in legacy form
 * @param tokenExpiresAt when the access token the run used expires (UTC)
 * @param profiles one entry per profile of the plan and per stale or removed generated profile,
 *     sorted by name
 */
record RunReport(
    Path configFile,
    boolean dryRun,
    boolean changed,
    Optional<SessionOutcome> ssoSession,
    Instant tokenExpiresAt,
    List<ProfileOutcome> profiles) {

  /** What happened to a profile or to the sso-session section. */
  enum Action {
    /** The section did not exist and was appended. */
    ADDED,
    /** A generated section in which a value was set or a missing key inserted. */
    UPDATED,
    /** A generated section that already held every key and value. */
    UNCHANGED,
    /** A generated profile no longer assigned or now filtered out, left in place. */
    STALE,
    /** A stale generated profile removed by {@code --prune}. */
    REMOVED,
    /** A planned profile whose name is taken by a section this tool did not write; left alone. */
    SKIPPED;

    /**
     * @return the name in the JSON document, e.g. {@code added}
     */
    String jsonName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * @param name the sso-session name
   * @param action {@link Action#ADDED}, {@link Action#UPDATED} or {@link Action#UNCHANGED}
   */
  record SessionOutcome(String name, Action action) {}

  /**
   * One profile.
   *
   * @param name the profile name
   * @param accountId the account ID; for a stale or removed profile the {@code sso_account_id} it
   *     holds, empty if it holds none
   * @param accountName the account's name as the portal listed it; empty for a stale or removed
   *     profile whose account the portal no longer lists
   * @param roleName the role name; for a stale or removed profile its {@code sso_role_name}, empty
   *     if it holds none
   * @param action what happened to it
   */
  record ProfileOutcome(
      String name,
      Optional<String> accountId,
      Optional<String> accountName,
      Optional<String> roleName,
      Action action) {}

  RunReport {
    Objects.requireNonNull(configFile, "configFile");
    Objects.requireNonNull(ssoSession, "ssoSession");
    Objects.requireNonNull(tokenExpiresAt, "tokenExpiresAt");
    profiles = List.copyOf(profiles);
  }

  /**
   * @return how many profiles had each action, every action present (0 when none)
   */
  Map<Action, Integer> counts() {
    Map<Action, Integer> counts = new EnumMap<>(Action.class);
    for (Action action : Action.values()) {
      counts.put(action, 0);
    }
    profiles.forEach(profile -> counts.merge(profile.action(), 1, Integer::sum));
    return counts;
  }

  /**
   * Gathers the report of a run.
   *
   * @param configFile the config file as configured (made absolute here)
   * @param dryRun whether nothing was written
   * @param result what applying the plan did
   * @param plan the plan that was applied (without its prune list)
   * @param stale generated profiles no longer assigned or filtered out that were left in place
   * @param existing the generated profiles in the file before the run, for the account ID and role
   *     name of stale and removed ones
   * @param roles the pairs the portal listed, for account names
   * @param tokenExpiresAt when the access token used expires
   * @return the report
   */
  static RunReport of(
      Path configFile,
      boolean dryRun,
      EditResult result,
      ProfilePlan plan,
      List<String> stale,
      List<ExistingProfile> existing,
      List<AccountRole> roles,
      Instant tokenExpiresAt) {
    Map<String, String> accountNames = accountNames(roles);
    Map<String, Action> actions = new HashMap<>();
    result.added().forEach(name -> actions.put(name, Action.ADDED));
    result.updated().forEach(name -> actions.put(name, Action.UPDATED));
    result.unchanged().forEach(name -> actions.put(name, Action.UNCHANGED));
    result.skipped().forEach(name -> actions.put(name, Action.SKIPPED));

    List<ProfileOutcome> profiles = new ArrayList<>();
    for (ProfileSpec profile : plan.profiles()) {
      Map<String, String> keys = keys(profile.properties());
      String accountId = keys.get("sso_account_id");
      profiles.add(
          new ProfileOutcome(
              profile.name(),
              Optional.ofNullable(accountId),
              Optional.ofNullable(accountNames.get(accountId)),
              Optional.ofNullable(keys.get("sso_role_name")),
              Objects.requireNonNull(actions.get(profile.name()), profile.name())));
    }
    Map<String, ExistingProfile> before = new HashMap<>();
    existing.forEach(profile -> before.put(profile.name(), profile));
    result.removed().forEach(name -> profiles.add(old(name, Action.REMOVED, before, accountNames)));
    stale.forEach(name -> profiles.add(old(name, Action.STALE, before, accountNames)));
    profiles.sort(Comparator.comparing(ProfileOutcome::name));

    Optional<SessionOutcome> session =
        plan.session()
            .map(SsoSessionSpec::name)
            .map(name -> sessionOutcome(name, result.session()));
    return new RunReport(
        configFile.toAbsolutePath(), dryRun, result.changed(), session, tokenExpiresAt, profiles);
  }

  private static SessionOutcome sessionOutcome(String name, SessionChange change) {
    Action action =
        switch (change) {
          case ADDED -> Action.ADDED;
          case UPDATED -> Action.UPDATED;
          case UNCHANGED -> Action.UNCHANGED;
          case NOT_IN_PLAN -> throw new IllegalStateException("a plan with an sso-session");
        };
    return new SessionOutcome(name, action);
  }

  private static ProfileOutcome old(
      String name, Action action, Map<String, ExistingProfile> before, Map<String, String> names) {
    Map<String, String> keys = before.containsKey(name) ? before.get(name).properties() : Map.of();
    String accountId = keys.get("sso_account_id");
    return new ProfileOutcome(
        name,
        Optional.ofNullable(accountId),
        Optional.ofNullable(accountId == null ? null : names.get(accountId)),
        Optional.ofNullable(keys.get("sso_role_name")),
        action);
  }

  /**
   * Account ID to name; an account listed under two names (which the portal does not do) gets the
   * smallest, as {@link dev.ssoconfig.profiles.ProfilePlanner} keeps the smallest.
   */
  private static Map<String, String> accountNames(List<AccountRole> roles) {
    Map<String, String> names = new HashMap<>();
    for (AccountRole role : roles) {
      names.merge(role.accountId(), role.accountName(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
    }
    return names;
  }

  private static Map<String, String> keys(List<Property> properties) {
    Map<String, String> keys = new HashMap<>();
    properties.forEach(property -> keys.put(property.key(), property.value()));
    return keys;
  }
}
