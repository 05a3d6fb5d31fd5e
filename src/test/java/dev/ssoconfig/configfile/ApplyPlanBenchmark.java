package dev.ssoconfig.configfile;

import dev.ssoconfig.profiles.ProfilePlan;
import dev.ssoconfig.profiles.ProfileSpec;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Benchmark of applying a plan in one pass: parse a config file, apply a plan, serialise the
 * result. Not a test; run by hand (docs/benchmarks.md):
 *
 * <pre>
 * ./mvnw -q -B test-compile \
 *     org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
 *     -Dmdep.outputFile=target/test-cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/test-cp.txt) \
 *     dev.ssoconfig.configfile.ApplyPlanBenchmark [iterations] [warm-up iterations]
 * </pre>
 *
 * <p>The base case: a file of 15,005 lines (an sso-session and 2,143 generated profiles of seven
 * lines, each with a stale {@code region}) and a plan of 15,000 profiles, so 2,143 are updated and
 * 12,857 appended. Then the second run of that plan (nothing changes), a plan that prunes 1,000 of
 * the profiles, and the base case at two and four times the size, to show the time grows linearly.
 * Times are wall clock, in milliseconds, per parse + apply + toBytes.
 */
public final class ApplyPlanBenchmark {
  private static final String MARKER = "managed_by = " + ProfilePlan.MARKER_VALUE + "\n";

  private final PrintWriter out;
  private final int iterations;
  private final int warmUps;

  ApplyPlanBenchmark(PrintWriter out, int iterations, int warmUps) {
    this.out = out;
    this.iterations = iterations;
    this.warmUps = warmUps;
  }

  /**
   * Runs the benchmark and prints one line per case.
   *
   * @param args optional: number of measured iterations (default 20), of warm-up iterations
   *     (default 10)
   */
  public static void main(String[] args) {
    int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int warmUps = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    out.printf(
        "java %s, %d cores, %d iterations after %d warm-up%n",
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        iterations,
        warmUps);
    new ApplyPlanBenchmark(out, iterations, warmUps).run();
  }

  void run() {
    Inputs base = Inputs.of(15_000, 0);
    measure("merge 15,000 profiles into 15,000 lines", base);
    byte[] merged = apply(base.file(), base.plan());
    measure("second run of the same plan (no change)", new Inputs(merged, base.plan()));
    measure("merge, pruning 1,000 stale profiles", Inputs.of(15_000, 1_000));
    measure("merge 30,000 profiles into 30,000 lines", Inputs.of(30_000, 0));
    measure("merge 60,000 profiles into 60,000 lines", Inputs.of(60_000, 0));
  }

  private void measure(String name, Inputs inputs) {
    for (int i = 0; i < warmUps; i++) {
      apply(inputs.file(), inputs.plan());
    }
    double[] millis = new double[iterations];
    byte[] output = null;
    for (int i = 0; i < iterations; i++) {
      long start = System.nanoTime();
      output = apply(inputs.file(), inputs.plan());
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(millis);
    out.printf(
        Locale.ROOT,
        "%-42s in %,7d lines %,9d bytes, out %,7d lines %,9d bytes: "
            + "min %6.1f ms, median %6.1f ms, max %6.1f ms%n",
        name,
        lines(inputs.file()),
        inputs.file().length,
        lines(output),
        output.length,
        millis[0],
        millis[millis.length / 2],
        millis[millis.length - 1]);
  }

  private static byte[] apply(byte[] file, ProfilePlan plan) {
    return new ConfigEditor().apply(ConfigDocument.parse(file), plan).document().toBytes();
  }

  private static int lines(byte[] bytes) {
    int lines = 0;
    for (byte b : bytes) {
      if (b == '\n') {
        lines++;
      }
    }
    return lines;
  }

  /** A config file and a plan. */
  record Inputs(byte[] file, ProfilePlan plan) {
    /**
     * A file of about {@code profiles} lines holding every seventh profile of a plan of {@code
     * profiles} profiles (seven lines each), plus {@code stale} generated profiles the plan prunes.
     */
    static Inputs of(int profiles, int stale) {
      StringBuilder file = new StringBuilder();
      file.append("[sso-session acme]\nsso_start_url = ")
          .append(StandardPlan.START_URL)
          .append("\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n");
      List<ProfileSpec> specs = new ArrayList<>(profiles);
      for (int i = 0; i < profiles; i++) {
        String name = String.format("Account%06d.Role", i);
        String account = String.format("%012d", i);
        specs.add(StandardPlan.profile(name, account, "Role"));
        if (i % 7 == 0) {
          profile(file, name, account);
        }
      }
      List<String> prune = new ArrayList<>(stale);
      for (int i = 0; i < stale; i++) {
        String name = String.format("Stale%06d.Role", i);
        profile(file, name, String.format("%012d", i));
        prune.add(name);
      }
      ProfilePlan plan = new ProfilePlan(Optional.of(StandardPlan.session()), specs, prune);
      return new Inputs(file.toString().getBytes(StandardCharsets.UTF_8), plan);
    }

    private static void profile(StringBuilder file, String name, String account) {
      file.append("\n[profile ")
          .append(name)
          .append("]\nsso_session = acme\nsso_account_id = ")
          .append(account)
          .append("\nsso_role_name = Role\nregion = eu-west-1\n")
          .append(MARKER);
    }
  }
}
