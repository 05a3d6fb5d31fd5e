package dev.ssoconfig.testing;

import dev.ssoconfig.portal.AccountRole;
import dev.ssoconfig.portal.PortalClients;
import dev.ssoconfig.portal.PortalLister;
import dev.ssoconfig.portal.ProgressListener;
import dev.ssoconfig.portal.RetryPolicy;
import dev.ssoconfig.testing.FakeIdentityCenter.Operation;
import dev.ssoconfig.time.Sleeper;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.sso.SsoClient;

/**
 * The portal listing, measured: starts the fake Identity Center on 127.0.0.1 with a chosen
 * organisation, latency per call and token-bucket rate limit (HTTP 429 above it), runs the real
 * enumeration ({@link PortalLister} with the production SDK client over HTTP) at the tool's default
 * ceiling or a chosen one, then a serial lister (one call at a time) against a fresh fake, and
 * prints for each: wall time, successful calls, 429s, the ideal (calls ÷ limit, or the latency
 * floor) and the ratio, plus the fake's own ceiling and the JVM's peak heap. Not a test; run by
 * hand (see docs/benchmarks.md).
 *
 * <p>Usage: {@code PortalBenchmark ACCOUNTS ROLES LATENCY_MS LIMIT_PER_S BURST [CEILING]
 * [--no-serial]}; a limit of 0 means none.
 */
public final class PortalBenchmark {
  private static final int DEFAULT_CEILING = 64;
  private static final int PAGE = 100;

  private PortalBenchmark() {}

  /** What one listing took. */
  private record Run(String name, double seconds, long calls, long throttled, double ideal) {
    String row() {
      return String.format(
          Locale.ROOT,
          "%-24s %9.2f s %8d %7d %9.2f s %7.3f",
          name,
          seconds,
          calls,
          throttled,
          ideal,
          seconds / ideal);
    }
  }

  public static void main(String[] args) throws Exception {
    int accounts = Integer.parseInt(args[0]);
    int roles = Integer.parseInt(args[1]);
    long latency = Long.parseLong(args[2]);
    double limit = Double.parseDouble(args[3]);
    int burst = Integer.parseInt(args[4]);
    int ceiling =
        args.length > 5 && !args[5].startsWith("--") ? Integer.parseInt(args[5]) : DEFAULT_CEILING;
    boolean serial = !List.of(args).contains("--no-serial");
    List<FakeAccount> organisation = organisation(accounts, roles);
    long calls = (accounts + PAGE - 1) / PAGE + accounts;

    System.out.printf(
        Locale.ROOT,
        "portal: %d accounts x %d roles, %d ms per call, %s; %d calls; JVM %s, %d cores, max heap %d MB%n",
        accounts,
        roles,
        latency,
        limit > 0
            ? String.format(Locale.ROOT, "limit %.0f calls/s (burst %d)", limit, burst)
            : "no limit",
        calls,
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20);
    System.out.printf(
        Locale.ROOT,
        "fake ceiling (no latency, no limit, 64 clients): %.0f calls/s%n",
        fakeCeiling());
    System.out.printf(
        "%-24s %11s %8s %7s %11s %7s%n", "lister", "wall", "calls", "429s", "ideal", "ratio");

    HeapSampler heap = new HeapSampler();
    Run adaptive =
        run("adaptive, ceiling " + ceiling, organisation, latency, limit, burst, ceiling);
    System.out.println(
        adaptive.row() + String.format(Locale.ROOT, "   peak heap %d MB", heap.stop() >> 20));
    if (serial) {
      System.out.println(run("serial", organisation, latency, limit, burst, 1).row());
    }
    System.exit(0);
  }

  private static List<FakeAccount> organisation(int accounts, int roles) {
    List<FakeAccount> organisation = new ArrayList<>(accounts);
    for (int i = 0; i < accounts; i++) {
      String[] names = new String[roles];
      for (int r = 0; r < roles; r++) {
        names[r] = "Role" + r;
      }
      organisation.add(
          FakeAccount.of(String.format("%012d", 100_000_000_000L + i), "Account " + i, names));
    }
    return organisation;
  }

  private static Run run(
      String name,
      List<FakeAccount> organisation,
      long latency,
      double limit,
      int burst,
      int ceiling) {
    try (FakeIdentityCenter fake =
            new FakeIdentityCenter()
                .withAccounts(organisation)
                .withPageSize(PAGE)
                .withPortalLatency(Duration.ofMillis(latency))
                .withPortalRateLimit(limit, burst);
        SsoClient sso =
            PortalClients.create(FakeIdentityCenter.REGION, Optional.of(fake.baseUri()))) {
      PortalLister lister =
          new PortalLister(
              sso,
              ceiling,
              Duration.ofHours(1),
              RetryPolicy.defaults(),
              Sleeper.SYSTEM,
              new SecureRandom(),
              Clock.systemUTC(),
              System::nanoTime,
              ProgressListener.NONE);
      String token = fake.issueAccessToken();
      long start = System.nanoTime();
      List<AccountRole> all = lister.listAll(token);
      double seconds = (System.nanoTime() - start) / 1e9;
      long throttled = fake.rateLimitedPortalRequests();
      long attempts =
          fake.requestCount(Operation.LIST_ACCOUNTS)
              + fake.requestCount(Operation.LIST_ACCOUNT_ROLES);
      long pages = (organisation.size() + PAGE - 1) / PAGE;
      long calls = attempts - throttled;
      double ideal =
          limit > 0
              ? calls / limit
              : Math.max(pages, Math.ceil((double) calls / ceiling)) * latency / 1000.0;
      if (all.size() != organisation.stream().mapToInt(a -> a.roleNames().size()).sum()) {
        throw new IllegalStateException(name + " listed " + all.size() + " roles");
      }
      return new Run(name, seconds, calls, throttled, ideal);
    }
  }

  /** The fake's throughput with nothing held back: 64 clients, keep-alive, for two seconds. */
  private static double fakeCeiling() throws InterruptedException {
    try (FakeIdentityCenter fake = new FakeIdentityCenter().withAccounts(organisation(100, 3))) {
      String token = fake.issueAccessToken();
      AtomicLong answers = new AtomicLong();
      AtomicBoolean stop = new AtomicBoolean();
      List<Thread> clients = new ArrayList<>();
      for (int c = 0; c < 64; c++) {
        String url =
            fake.baseUri()
                + "/assignment/roles?account_id="
                + String.format("%012d", 100_000_000_000L + c % 100);
        Thread t =
            new Thread(
                () -> {
                  while (!stop.get()) {
                    if (get(url, token)) {
                      answers.incrementAndGet();
                    }
                  }
                });
        t.start();
        clients.add(t);
      }
      Thread.sleep(500); // warm up
      long before = answers.get();
      long start = System.nanoTime();
      Thread.sleep(2_000);
      double rate = (answers.get() - before) / ((System.nanoTime() - start) / 1e9);
      stop.set(true);
      for (Thread t : clients) {
        t.join();
      }
      return rate;
    }
  }

  private static boolean get(String url, String token) {
    try {
      HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
      connection.setRequestProperty("x-amz-sso_bearer_token", token);
      int status = connection.getResponseCode();
      try (InputStream in =
          status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
        if (in != null) {
          in.readAllBytes();
        }
      }
      return status == 200;
    } catch (IOException e) {
      return false;
    }
  }

  /** Samples the heap in use every 10 ms and keeps the most. */
  private static final class HeapSampler {
    private final AtomicLong peak = new AtomicLong();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Thread thread;

    HeapSampler() {
      thread =
          new Thread(
              () -> {
                Runtime runtime = Runtime.getRuntime();
                while (!stop.get()) {
                  peak.accumulateAndGet(runtime.totalMemory() - runtime.freeMemory(), Math::max);
                  try {
                    Thread.sleep(10);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              });
      thread.setDaemon(true);
      thread.start();
    }

    long stop() throws InterruptedException {
      stop.set(true);
      thread.join();
      return peak.get();
    }
  }
}
