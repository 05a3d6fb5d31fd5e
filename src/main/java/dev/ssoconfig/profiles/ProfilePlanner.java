package dev.ssoconfig.profiles;

import dev.ssoconfig.Failure;
import dev.ssoconfig.portal.AccountRole;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns the account/role pairs the portal listed into a {@link ProfilePlan}: the pairs the {@link
 * PairFilter} keeps, each named by the {@link ProfileNameTemplate} (after the {@link RenameMap}),
 * pairs that would share a name told apart by account ID (see {@link UniqueNames}). Pure
 * computation, no I/O.
 *
 * <p>sso-session form (the default, as {@code aws configure sso} writes it): one {@code
 * [sso-session NAME]} section holding {@code sso_start_url}, {@code sso_region}, {@code
 * sso_registration_scopes = sso:account:access} and the run's {@link RunRecord} (the keys a later
 * run without {@code --start-url} reads back), and profiles holding, in this order, {@code
 * sso_session}, {@code sso_account_id}, {@code sso_role_name}, {@code region}, the {@code --set}
 * keys, {@code credential_process} with {@code --credential-process}, then the marker {@link
 * ProfilePlan#MARKER_KEY} = {@link ProfilePlan#MARKER_VALUE}.
 *
 * <p>Legacy form ({@link PlanOptions#legacy()}, the AWS CLI's legacy SSO profile keys): no
 * sso-session section, and profiles holding {@code sso_start_url}, {@code sso_region}, {@code
 * sso_account_id}, {@code sso_role_name}, {@code region}, the {@code --set} keys, then the marker.
 * The {@code {sso_session}} placeholder still renders the sso-session name given here.
 */
public final class ProfilePlanner {

  /** The scope the AWS CLI registers for portal access. */
  static final String REGISTRATION_SCOPES = "sso:account:access";

  private static final Comparator<AccountRole> DEDUPLICATION_ORDER =
      Comparator.comparing(AccountRole::accountId)
          .thenComparing(AccountRole::roleName)
          .thenComparing(AccountRole::accountName);

  private final String ssoSessionName;
  private final String startUrl;
  private final String ssoRegion;
  private final String profileRegion;
  private final PlanOptions options;
  private final ProfileNamer namer;
  private final List<Property> recorded;

  /**
   * A planner with {@link PlanOptions#DEFAULTS}: template {@code {account_name}.{role_name}}, every
   * pair, sso-session form.
   *
   * @param ssoSessionName the sso-session name, e.g. from {@link ProfileNames#sessionNameFor}
   * @param startUrl the start URL, written as given
   * @param ssoRegion the region of IAM Identity Center, e.g. {@code us-east-1}
   * @param profileRegion the {@code region} written into every profile
   * @throws IllegalArgumentException when {@code ssoSessionName} is not a valid name ({@link
   *     ProfileNames#isValid})
   */
  public ProfilePlanner(
      String ssoSessionName, String startUrl, String ssoRegion, String profileRegion) {
    this(ssoSessionName, startUrl, ssoRegion, profileRegion, PlanOptions.DEFAULTS);
  }

  /**
   * A planner with the given options.
   *
   * @param options template, renames, filter, form and extra keys
   * @throws Failure of kind {@link Failure.Kind#USAGE} when the record of the run cannot be written
   *     ({@link RunRecord#properties()}); never in legacy form, which records nothing
   * @see #ProfilePlanner(String, String, String, String)
   */
  public ProfilePlanner(
      String ssoSessionName,
      String startUrl,
      String ssoRegion,
      String profileRegion,
      PlanOptions options) {
    this.ssoSessionName = Objects.requireNonNull(ssoSessionName, "ssoSessionName");
    this.startUrl = Objects.requireNonNull(startUrl, "startUrl");
    this.ssoRegion = Objects.requireNonNull(ssoRegion, "ssoRegion");
    this.profileRegion = Objects.requireNonNull(profileRegion, "profileRegion");
    this.options = Objects.requireNonNull(options, "options");
    if (!ProfileNames.isValid(ssoSessionName)) {
      throw new IllegalArgumentException(
          "the sso-session name \""
              + ssoSessionName
              + "\" may only contain letters, digits and _ . @ : + / % -");
    }
    this.namer =
        new ProfileNamer(options.template(), options.renames(), ssoSessionName, profileRegion);
    this.recorded = options.legacy() ? List.of() : record().properties();
  }

  /**
   * What this run records in its sso-session section for a run without {@code --start-url}.
   *
   * @return the record of these options; in legacy form it is not written (there is no sso-session
   *     section)
   */
  public RunRecord record() {
    return RunRecord.of(ssoRegion, profileRegion, options);
  }

  /**
   * Plans the config file's managed sections. The plan's {@code prune} list is empty; see {@link
   * #withPrune}.
   *
   * @param roles the pairs from the portal, in any order; a pair listed twice (same account ID and
   *     role name) counts once
   * @return the sso-session (none in legacy form) and one profile per distinct pair the filter
   *     keeps, sorted by profile name ({@link String#compareTo}); the same set of pairs always
   *     gives the same plan
   */
  public ProfilePlan plan(List<AccountRole> roles) {
    List<AccountRole> distinct = distinct(roles);
    distinct.removeIf(role -> !options.filter().keeps(role));
    Map<AccountRole, String> names = UniqueNames.assign(distinct, namer::name);
    List<ProfileSpec> profiles = new ArrayList<>(distinct.size());
    for (AccountRole role : distinct) {
      profiles.add(profile(names.get(role), role));
    }
    profiles.sort(Comparator.comparing(ProfileSpec::name));
    return new ProfilePlan(ssoSession(), profiles);
  }

  /**
   * The generated profiles of this sso-session (or, in legacy form, this start URL) that {@code
   * plan} no longer has: no longer assigned, or filtered out. Only profiles carrying the marker
   * {@link ProfilePlan#MARKER_KEY} = {@link ProfilePlan#MARKER_VALUE} whose {@code sso_session}
   * equals this sso-session name (legacy form: whose {@code sso_start_url} names this start URL,
   * {@link dev.ssoconfig.StartUrl#same}) can be stale; profiles of other sso-sessions or start URLs
   * and profiles a person wrote never are.
   *
   * @param existing the generated profiles in the config file now, as the AWS CLI reads them
   * @param plan a plan from {@link #plan}
   * @return the stale profile names, each once, in {@link String#compareTo} order
   */
  public List<String> stale(List<ExistingProfile> existing, ProfilePlan plan) {
    StaleProfiles stale =
        options.legacy()
            ? StaleProfiles.ofStartUrl(startUrl)
            : StaleProfiles.ofSession(ssoSessionName);
    return stale.find(existing, plan);
  }

  /**
   * {@code plan} with the given profiles to remove ({@code --prune}).
   *
   * @param plan a plan from {@link #plan}
   * @param stale names from {@link #stale}
   * @return the same sso-session and profiles, with {@code prune} = {@code stale}
   * @throws IllegalArgumentException when a name in {@code stale} is also a profile of the plan
   */
  public ProfilePlan withPrune(ProfilePlan plan, List<String> stale) {
    for (ProfileSpec profile : plan.profiles()) {
      if (stale.contains(profile.name())) {
        throw new IllegalArgumentException(
            "profile " + profile.name() + " cannot be both planned and pruned");
      }
    }
    return new ProfilePlan(plan.session(), plan.profiles(), stale);
  }

  /**
   * The sso-session section every plan of this planner holds.
   *
   * @return it, or empty in legacy form
   */
  public Optional<SsoSessionSpec> ssoSession() {
    return options.legacy() ? Optional.empty() : Optional.of(session());
  }

  private SsoSessionSpec session() {
    return new SsoSessionSpec(
        ssoSessionName,
        List.of(
            new Property("sso_start_url", startUrl),
            new Property("sso_region", ssoRegion),
            new Property("sso_registration_scopes", REGISTRATION_SCOPES)),
        recorded);
  }

  private ProfileSpec profile(String name, AccountRole role) {
    List<Property> properties = new ArrayList<>();
    if (options.legacy()) {
      properties.add(new Property("sso_start_url", startUrl));
      properties.add(new Property("sso_region", ssoRegion));
    } else {
      properties.add(new Property("sso_session", ssoSessionName));
    }
    properties.add(new Property("sso_account_id", role.accountId()));
    properties.add(new Property("sso_role_name", role.roleName()));
    properties.add(new Property("region", profileRegion));
    properties.addAll(options.extraKeys().properties());
    options.credentialProcess().ifPresent(command -> properties.add(command.property(name)));
    properties.add(new Property(ProfilePlan.MARKER_KEY, ProfilePlan.MARKER_VALUE));
    return new ProfileSpec(name, properties);
  }

  /** One pair per account ID and role name; on a clash the smallest account name wins. */
  private static List<AccountRole> distinct(List<AccountRole> roles) {
    List<AccountRole> sorted = new ArrayList<>(roles);
    sorted.sort(DEDUPLICATION_ORDER);
    Map<List<String>, AccountRole> byKey = new LinkedHashMap<>();
    for (AccountRole role : sorted) {
      byKey.putIfAbsent(List.of(role.accountId(), role.roleName()), role);
    }
    return new ArrayList<>(byKey.values());
  }
}
