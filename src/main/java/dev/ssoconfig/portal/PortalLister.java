package dev.ssoconfig.portal;

import dev.ssoconfig.Failure;
import dev.ssoconfig.Sleeper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
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
 * API: every page of {@code ListAccounts}, then every page of {@code ListAccountRoles} for each
 * account, the latter on at most {@code concurrency} threads at once.
 *
 * <p>Throttling ({@code TooManyRequestsException}, HTTP 429), HTTP 5xx and connection failures are
 * retried per the {@link RetryPolicy}. The first call that still fails ends the whole listing:
 * calls not yet started are abandoned and nothing partial is returned.
 *
 * <p>One instance may be reused; each {@link #listAll(String)} uses its own thread pool, which is
 * shut down before it returns or throws.
 */
public final class PortalLister {

  /** The largest page the portal API accepts ({@code maxResults}). */
  static final int PAGE_SIZE = 100;

  /** The order of {@link #listAll(String)}'s result: account name, account ID, role name. */
  static final Comparator<AccountRole> ORDER =
      Comparator.comparing(AccountRole::accountName)
          .thenComparing(AccountRole::accountId)
          .thenComparing(AccountRole::roleName);

  /** How long a failed listing waits for calls already on the wire before it throws anyway. */
  private static final long SHUTDOWN_GRACE_SECONDS = 2;

  private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

  private final SsoClient sso;
  private final int concurrency;
  private final RetryPolicy retry;
  private final Sleeper sleeper;
  private final RandomGenerator random;
  private final ProgressListener progress;
  private final String host;

  /**
   * @param sso the portal client, e.g. from {@link PortalClients#create}; not closed here
   * @param concurrency the most {@code ListAccountRoles} calls in flight at once; at least 1
   * @param retry how failed calls are retried
   * @param sleeper waits between retries
   * @param random the jitter source for back-off; used under a lock, so any generator will do
   * @param progress hears progress on the calling thread
   */
  public PortalLister(
      SsoClient sso,
      int concurrency,
      RetryPolicy retry,
      Sleeper sleeper,
      RandomGenerator random,
      ProgressListener progress) {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
    }
    this.sso = Objects.requireNonNull(sso, "sso");
    this.concurrency = concurrency;
    this.retry = Objects.requireNonNull(retry, "retry");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.random = Objects.requireNonNull(random, "random");
    this.progress = Objects.requireNonNull(progress, "progress");
    this.host = PortalFailures.hostOf(sso);
  }

  /**
   * Lists every role in every account the access token can see.
   *
   * @param accessToken the SSO access token, sent as {@code x-amz-sso_bearer_token}; never put in a
   *     message
   * @return every account/role pair, sorted by account name, account ID, role name; an account
   *     without a name is listed under its account ID
   * @throws Failure.AccessTokenRejected when the portal answers {@code UnauthorizedException}
   * @throws Failure of kind {@link Failure.Kind#AWS_CALL} when any call fails for good (after
   *     retries where they apply); of kind {@link Failure.Kind#INTERRUPTED} when the calling thread
   *     is interrupted (its interrupt flag is then set again)
   */
  public List<AccountRole> listAll(String accessToken) {
    Objects.requireNonNull(accessToken, "accessToken");
    AtomicReference<Failure> firstFailure = new AtomicReference<>();
    AtomicBoolean over = new AtomicBoolean();
    RetryingCaller caller =
        new RetryingCaller(retry, sleeper, random, host, accessToken, over::get);
    ExecutorService pool = Executors.newFixedThreadPool(concurrency, daemonThreads());
    try {
      List<AccountInfo> accounts = listAccounts(caller, accessToken);
      progress.accountsListed(accounts.size());
      CompletionService<List<AccountRole>> done = new ExecutorCompletionService<>(pool);
      for (AccountInfo account : accounts) {
        done.submit(() -> rolesOrStop(caller, accessToken, account, firstFailure, over));
      }
      List<AccountRole> all = new ArrayList<>();
      for (int finished = 1; finished <= accounts.size(); finished++) {
        all.addAll(result(done.take(), firstFailure));
        progress.rolesListed(finished, accounts.size());
      }
      all.sort(ORDER);
      return List.copyOf(all);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Failure.interrupted(
          "listing accounts and roles was interrupted before it finished", e);
    } finally {
      over.set(true);
      shutDown(pool);
    }
  }

  private List<AccountInfo> listAccounts(RetryingCaller caller, String accessToken)
      throws InterruptedException {
    List<AccountInfo> accounts = new ArrayList<>();
    String nextToken = null;
    do {
      ListAccountsRequest request =
          ListAccountsRequest.builder()
              .accessToken(accessToken)
              .maxResults(PAGE_SIZE)
              .nextToken(nextToken)
              .build();
      ListAccountsResponse page =
          caller.call(PortalCall.listAccounts(), () -> sso.listAccounts(request));
      accounts.addAll(page.accountList());
      nextToken = page.nextToken();
    } while (hasMore(nextToken));
    return accounts;
  }

  private List<AccountRole> rolesOrStop(
      RetryingCaller caller,
      String accessToken,
      AccountInfo account,
      AtomicReference<Failure> firstFailure,
      AtomicBoolean over)
      throws InterruptedException {
    try {
      return roles(caller, accessToken, account);
    } catch (Failure e) {
      // Recorded here, on the worker, so queued work stops before the caller even wakes up.
      firstFailure.compareAndSet(null, e);
      over.set(true);
      throw e;
    }
  }

  private List<AccountRole> roles(RetryingCaller caller, String accessToken, AccountInfo account)
      throws InterruptedException {
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

  /** Unwraps a finished task; a failure is rethrown as the first failure of the run. */
  private static List<AccountRole> result(
      Future<List<AccountRole>> future, AtomicReference<Failure> firstFailure)
      throws InterruptedException {
    try {
      return future.get();
    } catch (ExecutionException | CancellationException e) {
      Failure first = firstFailure.get();
      if (first != null) {
        throw first;
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
