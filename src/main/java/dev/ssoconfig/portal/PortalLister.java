package dev.ssoconfig.portal;

import dev.ssoconfig.Failure;
import dev.ssoconfig.aws.CaBundle;
import dev.ssoconfig.time.Sleeper;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.AccountInfo;
import software.amazon.awssdk.services.sso.model.ListAccountRolesRequest;
import software.amazon.awssdk.services.sso.model.ListAccountRolesResponse;
import software.amazon.awssdk.services.sso.model.ListAccountsRequest;
import software.amazon.awssdk.services.sso.model.ListAccountsResponse;
import software.amazon.awssdk.services.sso.model.RoleInfo;

/**
 * Lists every account and role an access token can reach through the IAM Identity Center portal
 * API: every page of {@code ListAccounts}, and every page of {@code ListAccountRoles} for each
 * account, the latter started as soon as the page naming the account has arrived.
 *
 * <p>Calls run on up to {@code ceiling} threads at the pace a {@link Pacer} finds: as many in
 * flight as the portal answers without throttling, slower once it throttles (see {@link
 * PaceController}). Throttled calls, HTTP 5xx and connection failures are tried again while the
 * listing makes progress ({@link RetryingCaller}); the first call that fails for good ends the
 * whole listing, and so does the deadline: calls not yet started are abandoned and nothing partial
 * is returned.
 *
 * <p>One instance may be reused; each {@link #listAll(String)} uses its own threads, which are shut
 * down before it returns or throws.
 */
public final class PortalLister implements AutoCloseable {

  /** The largest page the portal API accepts ({@code maxResults}). */
  static final int PAGE_SIZE = 100;

  /** The order of {@link #listAll(String)}'s result: account name, account ID, role name. */
  static final Comparator<AccountRole> ORDER =
      Comparator.comparing(AccountRole::accountName)
          .thenComparing(AccountRole::accountId)
          .thenComparing(AccountRole::roleName);

  /** How long the listing may take unless told otherwise ({@code --listing-timeout}). */
  public static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(10);

  /** How long a failed listing waits for calls already on the wire before it throws anyway. */
  private static final long SHUTDOWN_GRACE_SECONDS = 2;

  private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

  private final SsoClient sso;
  private final int ceiling;
  private final Duration deadline;
  private final RetryPolicy retry;
  private final Sleeper sleeper;
  private final RandomGenerator random;
  private final Clock clock;
  private final LongSupplier nanoTime;
  private final ProgressListener progress;
  private final String host;
  private final SsoClient owned;

  /**
   * A lister on the system's clocks with the {@link #DEFAULT_DEADLINE}.
   *
   * @param sso the portal client, e.g. from {@link PortalClients#create}; not closed here
   * @param ceiling the most calls in flight at once ({@code --concurrency}); at least 1
   * @param retry the back-off after failures other than throttling
   * @param sleeper waits between retries
   * @param random the jitter source for back-off; used under a lock, so any generator will do
   * @param progress hears progress on the calling thread
   */
  public PortalLister(
      SsoClient sso,
      int ceiling,
      RetryPolicy retry,
      Sleeper sleeper,
      RandomGenerator random,
      ProgressListener progress) {
    this(
        sso,
        ceiling,
        DEFAULT_DEADLINE,
        retry,
        sleeper,
        random,
        Clock.systemUTC(),
        System::nanoTime,
        progress);
  }

  /**
   * @param sso the portal client, e.g. from {@link PortalClients#create}; not closed here
   * @param ceiling the most calls in flight at once ({@code --concurrency}); at least 1
   * @param deadline how long the whole listing may take; positive
   * @param retry the back-off after failures other than throttling, and how many attempts without
   *     progress end a call
   * @param sleeper waits between retries
   * @param random the jitter source for back-off; used under a lock, so any generator will do
   * @param clock the wall clock, for a {@code Retry-After} given as a date
   * @param nanoTime the monotonic clock the pace and the deadline are measured on
   * @param progress hears progress on the calling thread
   */
  public PortalLister(
      SsoClient sso,
      int ceiling,
      Duration deadline,
      RetryPolicy retry,
      Sleeper sleeper,
      RandomGenerator random,
      Clock clock,
      LongSupplier nanoTime,
      ProgressListener progress) {
    if (ceiling < 1) {
      throw new IllegalArgumentException("ceiling must be at least 1, was " + ceiling);
    }
    if (deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("deadline must be positive, was " + deadline);
    }
    this.sso = Objects.requireNonNull(sso, "sso");
    this.ceiling = ceiling;
    this.deadline = deadline;
    this.retry = Objects.requireNonNull(retry, "retry");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.random = Objects.requireNonNull(random, "random");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    this.progress = Objects.requireNonNull(progress, "progress");
    this.host = PortalFailures.hostOf(sso);
    this.owned = null;
  }

  private PortalLister(PortalLister settings, SsoClient owned) {
    this.sso = owned;
    this.ceiling = settings.ceiling;
    this.deadline = settings.deadline;
    this.retry = settings.retry;
    this.sleeper = settings.sleeper;
    this.random = settings.random;
    this.clock = settings.clock;
    this.nanoTime = settings.nanoTime;
    this.progress = settings.progress;
    this.host = settings.host;
    this.owned = owned;
  }

  /**
   * A lister for an SSO region with its own portal client ({@link PortalClients#create}), on the
   * system's clocks with {@link RetryPolicy#defaults()}; {@link #close()} closes the client.
   *
   * @param ssoRegion the SSO region
   * @param endpointOverride an endpoint to call instead of the regional one ({@code
   *     AWS_ENDPOINT_URL_SSO}); empty for the SDK's resolution
   * @param ceiling the most calls in flight at once ({@code --concurrency})
   * @param deadline how long the whole listing may take
   * @param clock the wall clock, for a {@code Retry-After} given as a date
   * @param progress hears progress on the calling thread
   * @return the lister; the caller closes it
   */
  public static PortalLister forRegion(
      String ssoRegion,
      Optional<URI> endpointOverride,
      int ceiling,
      Duration deadline,
      Clock clock,
      ProgressListener progress) {
    return forRegion(
        ssoRegion, endpointOverride, Optional.empty(), ceiling, deadline, clock, progress);
  }

  /**
   * As {@link #forRegion(String, Optional, int, Duration, Clock, ProgressListener)}, its client
   * trusting the certificate authorities of {@code caBundle} ({@code AWS_CA_BUNDLE}) when present.
   *
   * @param ssoRegion the SSO region
   * @param endpointOverride an endpoint to call instead of the regional one
   * @param caBundle the certificate authorities to trust; empty for the JDK's
   * @param ceiling the most calls in flight at once ({@code --concurrency})
   * @param deadline how long the whole listing may take
   * @param clock the wall clock, for a {@code Retry-After} given as a date
   * @param progress hears progress on the calling thread
   * @return the lister; the caller closes it
   */
  public static PortalLister forRegion(
      String ssoRegion,
      Optional<URI> endpointOverride,
      Optional<CaBundle> caBundle,
      int ceiling,
      Duration deadline,
      Clock clock,
      ProgressListener progress) {
    SsoClient sso = PortalClients.create(ssoRegion, endpointOverride, caBundle);
    try {
      PortalLister settings =
          new PortalLister(
              sso,
              ceiling,
              deadline,
              RetryPolicy.defaults(),
              Sleeper.SYSTEM,
              new SecureRandom(),
              clock,
              System::nanoTime,
              progress);
      return new PortalLister(settings, sso);
    } catch (RuntimeException e) {
      sso.close();
      throw e;
    }
  }

  /** Closes the portal client this lister owns (from {@link #forRegion}); nothing else. */
  @Override
  public void close() {
    if (owned != null) {
      owned.close();
    }
  }

  /**
   * Lists every role in every account the access token can see.
   *
   * @param accessToken the SSO access token, sent as {@code x-amz-sso_bearer_token}; never put in a
   *     message
   * @return every account/role pair, sorted by account name, account ID, role name; an account
   *     without a name is listed under its account ID
   * @throws Failure.AccessTokenRejected when the portal answers {@code UnauthorizedException}
   * @throws Failure of kind {@link Failure.Kind#AWS_CALL} when any call fails for good, or when the
   *     deadline passes (the message says how many accounts were left); of kind {@link
   *     Failure.Kind#INTERRUPTED} when the calling thread is interrupted (its interrupt flag is
   *     then set again)
   */
  public List<AccountRole> listAll(String accessToken) {
    Objects.requireNonNull(accessToken, "accessToken");
    AtomicReference<Exception> firstFailure = new AtomicReference<>();
    AtomicBoolean over = new AtomicBoolean();
    AtomicInteger listed = new AtomicInteger();
    Pacer pacer = new Pacer(ceiling, nanoTime, deadline.toNanos());
    RetryingCaller caller =
        new RetryingCaller(pacer, retry, sleeper, random, clock, host, accessToken, over::get);
    ExecutorService pool = Executors.newFixedThreadPool(ceiling, daemonThreads());
    CompletionService<List<AccountRole>> done = new ExecutorCompletionService<>(pool);
    int accounts = 0;
    boolean accountsComplete = false;
    try {
      String nextToken = null;
      do {
        ListAccountsResponse page;
        try {
          page = caller.call(PortalCall.listAccounts(), listAccounts(accessToken, nextToken));
        } catch (CancellationException abandoned) {
          throw firstFailure(firstFailure, abandoned);
        }
        for (AccountInfo account : page.accountList()) {
          done.submit(() -> rolesOrStop(caller, accessToken, account, firstFailure, over, listed));
          accounts++;
        }
        nextToken = page.nextToken();
      } while (hasMore(nextToken));
      accountsComplete = true;
      progress.accountsListed(accounts);
      List<AccountRole> all = new ArrayList<>();
      for (int finished = 0; finished < accounts; ) {
        all.addAll(result(done.take(), firstFailure));
        finished++;
        progress.rolesListed(finished, accounts, all.size(), pacer.snapshot());
      }
      all.sort(ORDER);
      progress.finished(pacer.snapshot());
      return List.copyOf(all);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Failure.interrupted("listing accounts and roles was interrupted before it finished", e);
    } catch (Pacer.DeadlineExceeded | DeadlineInTask e) {
      throw deadlinePassed(accounts, listed.get(), accountsComplete, pacer);
    } finally {
      over.set(true);
      shutDown(pool);
    }
  }

  private java.util.function.Supplier<ListAccountsResponse> listAccounts(
      String accessToken, String nextToken) {
    ListAccountsRequest request =
        ListAccountsRequest.builder()
            .accessToken(accessToken)
            .maxResults(PAGE_SIZE)
            .nextToken(nextToken)
            .build();
    return () -> sso.listAccounts(request);
  }

  /** The failure that abandoned the listing while its own thread was still reading the accounts. */
  private static RuntimeException firstFailure(
      AtomicReference<Exception> firstFailure, CancellationException abandoned) {
    Exception first = firstFailure.get();
    if (first instanceof Failure failure) {
      return failure;
    }
    if (first instanceof Pacer.DeadlineExceeded deadline) {
      return new DeadlineInTask(deadline);
    }
    return abandoned;
  }

  private Failure deadlinePassed(
      int accounts, int finished, boolean allAccountsKnown, Pacer pacer) {
    PaceSnapshot pace = pacer.snapshot();
    String left =
        allAccountsKnown
            ? "the roles of "
                + (accounts - finished)
                + " of "
                + accounts
                + " accounts were not listed"
            : "the list of accounts was not complete (" + accounts + " so far)";
    String throttled =
        pace.throttles() > 0
            ? "; the portal throttled " + pace.throttles() + " calls, try again later"
            : "; the portal answered too slowly, try again later";
    return Failure.awsCall(
        "listing accounts and roles at "
            + host
            + " did not finish within "
            + describe(deadline)
            + ": "
            + left
            + throttled
            + " or allow more time with --listing-timeout",
        null);
  }

  private static String describe(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds >= 60 && seconds % 60 == 0) {
      return seconds / 60 + " min";
    }
    return duration.toMillis() >= 1000 ? seconds + " s" : duration.toMillis() + " ms";
  }

  private List<AccountRole> rolesOrStop(
      RetryingCaller caller,
      String accessToken,
      AccountInfo account,
      AtomicReference<Exception> firstFailure,
      AtomicBoolean over,
      AtomicInteger listed)
      throws InterruptedException {
    try {
      List<AccountRole> roles = roles(caller, accessToken, account);
      listed.incrementAndGet();
      return roles;
    } catch (Failure e) {
      // Recorded here, on the worker, so queued work stops before the caller even wakes up.
      firstFailure.compareAndSet(null, e);
      over.set(true);
      throw e;
    } catch (Pacer.DeadlineExceeded e) {
      firstFailure.compareAndSet(null, e);
      over.set(true);
      throw new DeadlineInTask(e);
    }
  }

  private List<AccountRole> roles(RetryingCaller caller, String accessToken, AccountInfo account)
      throws InterruptedException, Pacer.DeadlineExceeded {
    String accountId = account.accountId();
    String accountName = account.accountName() == null ? accountId : account.accountName();
    List<AccountRole> roles = new ArrayList<>();
    String nextToken = null;
    do {
      ListAccountRolesRequest request =
          ListAccountRolesRequest.builder()
              .accessToken(accessToken)
              .accountId(accountId)
              .maxResults(PAGE_SIZE)
              .nextToken(nextToken)
              .build();
      ListAccountRolesResponse page =
          caller.call(PortalCall.listAccountRoles(accountId), () -> sso.listAccountRoles(request));
      for (RoleInfo role : page.roleList()) {
        if (role.roleName() != null) {
          roles.add(new AccountRole(accountId, accountName, role.roleName()));
        }
      }
      nextToken = page.nextToken();
    } while (hasMore(nextToken));
    return roles;
  }

  /** A task reached the deadline; the listing's own thread turns it into the failure. */
  private static final class DeadlineInTask extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DeadlineInTask(Pacer.DeadlineExceeded cause) {
      super(cause.getMessage(), cause, false, false);
    }
  }

  /** Unwraps a finished task; a failure is rethrown as the first failure of the run. */
  private static List<AccountRole> result(
      Future<List<AccountRole>> future, AtomicReference<Exception> firstFailure)
      throws InterruptedException {
    try {
      return future.get();
    } catch (ExecutionException | CancellationException e) {
      Exception first = firstFailure.get();
      if (first instanceof Failure failure) {
        throw failure;
      }
      if (first instanceof Pacer.DeadlineExceeded deadline) {
        throw new DeadlineInTask(deadline);
      }
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof Failure failure) {
        throw failure;
      }
      if (cause instanceof InterruptedException) {
        throw Failure.interrupted(
            "listing account roles was interrupted before it finished", cause);
      }
      throw Failure.awsCall("listing account roles failed unexpectedly: " + cause, cause);
    }
  }

  private static boolean hasMore(String nextToken) {
    // The SDK's own paginators stop on a null or empty token too.
    return nextToken != null && !nextToken.isEmpty();
  }

  private static void shutDown(ExecutorService pool) {
    pool.shutdownNow();
    try {
      pool.awaitTermination(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory daemonThreads() {
    int pool = POOL_NUMBER.incrementAndGet();
    AtomicInteger thread = new AtomicInteger();
    return task -> {
      Thread t = new Thread(task, "portal-" + pool + "-roles-" + thread.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
