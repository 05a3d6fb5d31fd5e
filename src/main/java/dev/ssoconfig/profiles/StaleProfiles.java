package dev.ssoconfig.profiles;

import dev.ssoconfig.StartUrl;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the generated profiles a new plan no longer has (for {@code --prune}, and to list them on
 * every run). A profile is stale when all of these hold:
 *
 * <ul>
 *   <li>it carries the marker {@link ProfilePlan#MARKER_KEY} = {@link ProfilePlan#MARKER_VALUE};
 *   <li>it belongs to this run's source: in sso-session form its {@code sso_session} equals the
 *       sso-session name; in legacy form its {@code sso_start_url} names the same start URL ({@link
 *       StartUrl#same}: an older run may have written {@code …/start/#/});
 *   <li>its name is not among the plan's profiles (the pair is no longer assigned, or filtered
 *       out).
 * </ul>
 *
 * <p>Profiles of other sso-sessions or start URLs and profiles without the marker are never stale.
 */
final class StaleProfiles {
  private final Optional<String> ssoSession;
  private final String startUrl;

  private StaleProfiles(Optional<String> ssoSession, String startUrl) {
    this.ssoSession = ssoSession;
    this.startUrl = startUrl;
  }

  /** Stale profiles of the sso-session {@code name} (sso-session form). */
  static StaleProfiles ofSession(String name) {
    return new StaleProfiles(Optional.of(Objects.requireNonNull(name, "name")), null);
  }

  /** Stale profiles of the start URL {@code startUrl} (legacy form). */
  static StaleProfiles ofStartUrl(String startUrl) {
    return new StaleProfiles(Optional.empty(), Objects.requireNonNull(startUrl, "startUrl"));
  }

  /**
   * @param existing the generated profiles in the config file now
   * @param plan the new plan
   * @return the names of the stale profiles, each once, in {@link String#compareTo} order
   */
  List<String> find(List<ExistingProfile> existing, ProfilePlan plan) {
    Set<String> planned = new HashSet<>();
    plan.profiles().forEach(profile -> planned.add(profile.name()));
    Set<String> stale = new TreeSet<>();
    for (ExistingProfile profile : existing) {
      if (isManaged(profile) && isOurs(profile) && !planned.contains(profile.name())) {
        stale.add(profile.name());
      }
    }
    return List.copyOf(stale);
  }

  private static boolean isManaged(ExistingProfile profile) {
    return ProfilePlan.MARKER_VALUE.equals(profile.properties().get(ProfilePlan.MARKER_KEY));
  }

  private boolean isOurs(ExistingProfile profile) {
    if (ssoSession.isPresent()) {
      return ssoSession.get().equals(profile.properties().get("sso_session"));
    }
    String url = profile.properties().get("sso_start_url");
    return url != null && StartUrl.same(startUrl, url);
  }
}
