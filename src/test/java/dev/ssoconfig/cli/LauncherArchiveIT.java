package dev.ssoconfig.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssoconfig.cli.LauncherProcess.Run;
import dev.ssoconfig.testing.FakeIdentityCenter;
import dev.ssoconfig.testing.OnWindows;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Black-box tests of the class-data archive the launcher makes and uses (see the comment at the top
 * of {@code src/main/launcher/launcher.sh}), on each kind of JDK found on the machine: one of JDK
 * 17 or 18 (archive dumped at exit, moved into place by the next start) and one of JDK 19 or later
 * ({@code -XX:+AutoCreateSharedArchive}). Each test runs its own copy of the launcher, with a cache
 * folder in its temp home, against the fake Identity Center.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = OnWindows.SHELL_LAUNCHER)
class LauncherArchiveIT {
  private static final String[] FULL_RUN = {
    "--start-url",
    "https://acme.awsapps.com/start",
    "--region",
    "us-east-1",
    "--device-code",
    "--no-browser"
  };

  /** What the JVM prints about class sharing when it is not silenced. */
  private static final Pattern JVM_MESSAGE =
      Pattern.compile("\\[(warning|error|info)|VM warning|[Ss]hared archive|CDS|AOT");

  @TempDir Path home;
  @RegisterExtension final FakeIdentityCenter fake = new FakeIdentityCenter();
  private Path launcher;
  private Path cache;

  @BeforeEach
  void start() throws IOException {
    launcher = Files.createDirectories(home.resolve("bin")).resolve("aws-sso-config-generator");
    Files.copy(LauncherProcess.BUILT, launcher, StandardCopyOption.COPY_ATTRIBUTES);
    cache = home.resolve(".cache/aws-sso-config-generator");
  }

  /** A JDK with its home folder and feature version (17, 21, 25, ...). */
  record Jdk(Path home, int feature) {
    boolean dumpsAtExit() {
      return feature < 19;
    }

    @Override
    public String toString() {
      return "JDK " + feature;
    }
  }

  /**
   * The JDKs to run with: the oldest of 17 and 18 and the oldest from 19 on, among the JDK running
   * the tests, {@code JAVA_HOME}, {@code JAVA_HOME_*} (as GitHub's runners set them) and the
   * folders in {@code /usr/lib/jvm} and {@code /Library/Java/JavaVirtualMachines}. A kind with no
   * JDK on the machine is not tested.
   */
  static Stream<Jdk> jdks() throws IOException {
    List<Path> candidates = new ArrayList<>();
    candidates.add(Path.of(System.getProperty("java.home")));
    System.getenv()
        .forEach(
            (name, value) -> {
              if (name.equals("JAVA_HOME") || name.startsWith("JAVA_HOME_")) {
                candidates.add(Path.of(value));
              }
            });
    for (Path folder :
        List.of(Path.of("/usr/lib/jvm"), Path.of("/Library/Java/JavaVirtualMachines"))) {
      if (Files.isDirectory(folder)) {
        try (Stream<Path> children = Files.list(folder)) {
          children.forEach(
              child -> {
                candidates.add(child);
                candidates.add(child.resolve("Contents/Home"));
              });
        }
      }
    }
    Map<Boolean, Jdk> oldestByKind = new TreeMap<>();
    for (Path candidate : candidates) {
      jdk(candidate)
          .ifPresent(
              jdk ->
                  oldestByKind.merge(
                      jdk.dumpsAtExit(), jdk, (a, b) -> a.feature() <= b.feature() ? a : b));
    }
    return oldestByKind.values().stream();
  }

  /** A usable JDK 17 or later at this home: java, a release file, the base class-data archive. */
  private static Optional<Jdk> jdk(Path home) {
    try {
      Path release = home.resolve("release");
      if (!Files.isExecutable(home.resolve("bin/java"))
          || !Files.isRegularFile(home.resolve("lib/server/classes.jsa"))
          || !Files.isRegularFile(release)) {
        return Optional.empty();
      }
      Matcher version =
          Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)").matcher(Files.readString(release));
      if (!version.find()) {
        return Optional.empty();
      }
      int feature = Integer.parseInt(version.group(1));
      return feature >= 17 ? Optional.of(new Jdk(home.toRealPath(), feature)) : Optional.empty();
    } catch (IOException | RuntimeException notAJdk) {
      return Optional.empty();
    }
  }

  private Run run(Jdk jdk, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    Map<String, String> all = new HashMap<>(env);
    all.put("JAVA_HOME", jdk.home().toString());
    all.putIfAbsent("JAVA_OPTS", "");
    return new LauncherProcess(launcher, home, fake.baseUri()).run(all, args);
  }

  private Run run(Jdk jdk, String... args) throws IOException, InterruptedException {
    return run(jdk, Map.of(), args);
  }

  /** A run that succeeded and printed nothing of the JVM's about class sharing. */
  private static Run quiet(Run run) {
    assertEquals(0, run.code(), run.err());
    assertFalse(JVM_MESSAGE.matcher(run.out()).find(), "stdout: " + run.out());
    assertFalse(JVM_MESSAGE.matcher(run.err()).find(), "stderr: " + run.err());
    return run;
  }

  /**
   * Runs the launcher with the JVM's class loading logged, quietly.
   *
   * @return where each class came from, e.g. {@code shared objects file (top)} for the archive
   */
  private Map<String, String> classSources(Jdk jdk, String... args)
      throws IOException, InterruptedException {
    Path log = home.resolve("classes.log");
    Files.deleteIfExists(log);
    quiet(run(jdk, Map.of("JAVA_OPTS", "-Xlog:class+load:file=" + log), args));
    Map<String, String> sources = new LinkedHashMap<>();
    Matcher line =
        Pattern.compile("(?m)^\\[[^]]*\\]\\[info\\s*\\]\\[class,load\\s*\\] (\\S+) source: (.*)$")
            .matcher(Files.readString(log));
    while (line.find()) {
      sources.putIfAbsent(line.group(1), line.group(2));
    }
    return sources;
  }

  private static void assertFromArchive(Map<String, String> sources, String... classes) {
    for (String name : classes) {
      assertEquals("shared objects file (top)", sources.get(name), name);
    }
  }

  /** The files in the cache folder, by name. */
  private List<String> cached() throws IOException {
    if (!Files.isDirectory(cache)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(cache)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  private List<String> archives() throws IOException {
    return cached().stream().filter(n -> n.endsWith(".jsa")).toList();
  }

  /** Makes the archive with a full run and the next start (which, on JDK 17, moves it in place). */
  private String makeArchive(Jdk jdk) throws IOException, InterruptedException {
    quiet(run(jdk, FULL_RUN));
    quiet(run(jdk, "--version"));
    List<String> archives = archives();
    assertEquals(1, archives.size(), cached().toString());
    return archives.get(0);
  }

  private void setJarTime(Instant time) throws IOException {
    Files.setLastModifiedTime(launcher, FileTime.from(time));
  }

  @Nested
  class Making {
    @ParameterizedTest
    @MethodSource("dev.ssoconfig.cli.LauncherArchiveIT#jdks")
    void help_and_version_make_no_archive(Jdk jdk) throws Exception {
      for (String option : List.of("--help", "-h", "--version", "-V", "-vh")) {
        Run run = quiet(run(jdk, option));
        assertEquals("", run.err(), option);
      }

      assertEquals(List.of(), cached());
    }

    @ParameterizedTest
    @MethodSource("dev.ssoconfig.cli.LauncherArchiveIT#jdks")
    void the_first_full_run_makes_the_archive_and_later_runs_use_it(Jdk jdk) throws Exception {
      quiet(run(jdk, FULL_RUN));

      assertEquals(
          "rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache)));
      if (jdk.dumpsAtExit()) {
        List<String> files = cached();
        assertEquals(2, files.size(), files.toString());
        assertTrue(files.get(0).endsWith(".dump"), files.toString());
        assertTrue(files.get(1).endsWith(".dumplog"), files.toString());
      } else {
        assertEquals(1, archives().size(), cached().toString());
      }

      Map<String, String> version = classSources(jdk, "--version");
      assertFromArchive(version, "dev.ssoconfig.cli.Main", "picocli.CommandLine");
      Map<String, String> full = classSources(jdk, FULL_RUN);
      assertFromArchive(
          full,
          "dev.ssoconfig.cli.GenerateCommand",
          "picocli.CommandLine$Model$CommandSpec",
          "dev.ssoconfig.login.SsoLogin",
          "software.amazon.awssdk.services.sso.DefaultSsoClient",
          "dev.ssoconfig.configfile.ConfigEditor");
      assertEquals(1, archives().size(), cached().toString());
      assertTrue(
          cached().stream().noneMatch(n -> n.endsWith(".dump") || n.endsWith(".dumplog")),
          cached().toString());
    }

    @Test
    void the_archive_is_named_for_the_jar_and_the_jdk() throws Exception {
      Jdk jdk = jdks().findFirst().orElseThrow();
      Instant time = Instant.parse("2024-03-05T06:07:00Z");
      setJarTime(time);

      String name = makeArchive(jdk);

      long size = Files.size(launcher);
      assertTrue(
          name.matches("\\d+-" + Pattern.quote(jdkVersion(jdk)) + "-" + size + "-Mar5-2024\\.jsa"),
          name);
    }
  }

  private static String jdkVersion(Jdk jdk) throws IOException {
    Matcher version =
        Pattern.compile("(?m)^JAVA_VERSION=\"([^\"]+)\"")
            .matcher(Files.readString(jdk.home().resolve("release")));
    assertTrue(version.find());
    return version.group(1);
  }

  @Nested
  class Replacing {
    @ParameterizedTest
    @MethodSource("dev.ssoconfig.cli.LauncherArchiveIT#jdks")
    void a_new_jar_gets_a_new_archive_and_the_old_one_is_removed(Jdk jdk) throws Exception {
      setJarTime(Instant.parse("2024-03-05T06:07:00Z"));
      String old = makeArchive(jdk);

      setJarTime(Instant.parse("2024-04-05T06:07:00Z"));
      quiet(run(jdk, FULL_RUN));

      assertFromArchive(classSources(jdk, "--version"), "dev.ssoconfig.cli.Main");
      List<String> archives = archives();
      assertEquals(1, archives.size(), cached().toString());
      assertFalse(archives.contains(old), archives.toString());
    }

    @ParameterizedTest
    @MethodSource("dev.ssoconfig.cli.LauncherArchiveIT#jdks")
    void an_archive_the_jvm_refuses_is_made_again(Jdk jdk) throws Exception {
      // same minute, so the same name, but the JVM checks the jar's time to the second (in the
      // past: ls shows the year, not the time, for a time in the future)
      Instant time = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(2, ChronoUnit.MINUTES);
      setJarTime(time);
      String name = makeArchive(jdk);
      setJarTime(time.plusSeconds(30));

      quiet(run(jdk, FULL_RUN)); // refused
      quiet(run(jdk, FULL_RUN));

      assertFromArchive(classSources(jdk, "--version"), "dev.ssoconfig.cli.Main");
      assertEquals(List.of(name), archives());
    }

    @ParameterizedTest
    @MethodSource("dev.ssoconfig.cli.LauncherArchiveIT#jdks")
    void a_damaged_archive_is_dropped_and_made_again(Jdk jdk) throws Exception {
      String name = makeArchive(jdk);
      Path archive = cache.resolve(name);
      archive.toFile().setWritable(true);
      Files.write(archive, new byte[4096]); // what a JVM killed while writing it leaves

      assertEquals("", quiet(run(jdk, "--version")).err());
      assertEquals(List.of(), archives());
      quiet(run(jdk, FULL_RUN));

      assertFromArchive(classSources(jdk, "--version"), "dev.ssoconfig.cli.Main");
      assertEquals(List.of(name), archives());
    }
  }

  @Nested
  class Without {
    @ParameterizedTest
    @MethodSource("dev.ssoconfig.cli.LauncherArchiveIT#jdks")
    void when_turned_off_in_the_environment(Jdk jdk) throws Exception {
      quiet(run(jdk, Map.of("AWS_SSO_CONFIG_GENERATOR_ARCHIVE", "off"), FULL_RUN));

      assertFalse(Files.exists(cache));
    }

    @ParameterizedTest
    @MethodSource("dev.ssoconfig.cli.LauncherArchiveIT#jdks")
    void when_JAVA_OPTS_sets_up_class_sharing(Jdk jdk) throws Exception {
      quiet(run(jdk, Map.of("JAVA_OPTS", "-Xshare:off"), FULL_RUN));

      assertFalse(Files.exists(cache));
    }

    @ParameterizedTest
    @MethodSource("dev.ssoconfig.cli.LauncherArchiveIT#jdks")
    void when_the_cache_folder_cannot_be_made(Jdk jdk) throws Exception {
      Path file = Files.writeString(home.resolve("not-a-folder"), "");

      quiet(run(jdk, Map.of("XDG_CACHE_HOME", file.toString()), FULL_RUN));
      quiet(run(jdk, Map.of("XDG_CACHE_HOME", file.toString()), FULL_RUN));

      assertEquals("", Files.readString(file));
    }
  }
}
