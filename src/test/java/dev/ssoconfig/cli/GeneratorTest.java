package dev.ssoconfig.cli;

import static dev.ssoconfig.testing.FailureAssert.assertFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssoconfig.Failure;
import dev.ssoconfig.configfile.ConfigDocument;
import dev.ssoconfig.configfile.ConfigEditor;
import dev.ssoconfig.login.AccessToken;
import dev.ssoconfig.portal.AccountRole;
import dev.ssoconfig.profiles.PlanOptions;
import dev.ssoconfig.profiles.ProfilePlanner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The flow alone, on stand-ins for the sign-in, the listing and the config file: the branches the
 * end-to-end tests reach only through a fake Identity Center and real files.
 */
class GeneratorTest {
  private static final List<AccountRole> ROLES =
      List.of(new AccountRole("111111111111", "Prod", "Admin"));
  private static final Generator.Options WRITE = new Generator.Options(false, false, false, true);
  private static final Generator.Options DRY_RUN = new Generator.Options(false, true, false, true);

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final List<Boolean> signIns = new ArrayList<>();
  private final List<String> listedWith = new ArrayList<>();
  private final MemoryConfig config = new MemoryConfig();

  private Generator generator(Generator.SignIn signIn, Generator.Listing listing) {
    return new Generator(
        signIn,
        listing,
        config,
        new ProfilePlanner(
            "acme",
            "https://acme.awsapps.com/start",
            "us-east-1",
            "us-east-1",
            PlanOptions.DEFAULTS),
        new ConfigEditor(),
        new PrintWriter(out, true),
        new PrintWriter(err, true),
        Verbosity.NORMAL);
  }

  private Generator.SignIn tokens(AccessToken... tokens) {
    return force -> {
      signIns.add(force);
      return tokens[signIns.size() - 1];
    };
  }

  private static AccessToken cached(String value) {
    return new AccessToken(value, Instant.parse("2030-01-01T00:00:00Z"), true);
  }

  private static AccessToken fresh(String value) {
    return new AccessToken(value, Instant.parse("2030-01-01T00:00:00Z"), false);
  }

  @Nested
  class RejectedToken {
    @Test
    void a_rejected_cached_token_is_worth_exactly_one_new_sign_in() {
      Generator.Listing listing =
          token -> {
            listedWith.add(token);
            if (token.equals("old")) {
              throw Failure.accessTokenRejected("rejected", null);
            }
            return ROLES;
          };

      assertEquals(ExitCode.OK, generator(tokens(cached("old"), fresh("new")), listing).run(WRITE));

      assertEquals(List.of(false, true), signIns, "the second sign-in is forced");
      assertEquals(List.of("old", "new"), listedWith);
      assertTrue(
          err.toString().contains("The cached access token was rejected; signing in again."));
      assertTrue(config.text().contains("[profile Prod.Admin]"), config.text());
    }

    @Test
    void a_token_just_signed_in_for_is_not_tried_again() {
      Generator.Listing rejecting =
          token -> {
            throw Failure.accessTokenRejected("rejected", null);
          };

      assertThrows(
          Failure.AccessTokenRejected.class,
          () -> generator(tokens(fresh("new")), rejecting).run(WRITE));

      assertEquals(List.of(false), signIns);
      assertEquals("", config.text(), "nothing written");
    }
  }

  @Nested
  class DryRun {
    @Test
    void prints_the_diff_and_neither_locks_nor_writes() {
      assertEquals(ExitCode.OK, generator(tokens(fresh("t")), token -> ROLES).run(DRY_RUN));

      assertTrue(out.toString().contains("+[profile Prod.Admin]"), out.toString());
      assertTrue(out.toString().contains("Dry run, nothing written"), out.toString());
      assertEquals(List.of(true), config.checks, "checked as a dry run");
      assertEquals(0, config.locks, "no lock taken");
      assertEquals("", config.text(), "nothing written");
    }
  }

  @Nested
  class BusyLock {
    @Test
    void says_it_waits_for_the_other_run_then_writes() {
      config.busy = true;

      assertEquals(ExitCode.OK, generator(tokens(fresh("t")), token -> ROLES).run(WRITE));

      assertTrue(
          err.toString().contains("Waiting for another run to finish with " + config.path()),
          err.toString());
      assertEquals(1, config.locks);
      assertTrue(config.text().contains("[profile Prod.Admin]"));
    }

    @Test
    void a_free_lock_is_taken_without_a_word() {
      generator(tokens(fresh("t")), token -> ROLES).run(WRITE);

      assertFalse(err.toString().contains("Waiting"), err.toString());
      assertEquals(0, config.locks);
    }
  }

  @Nested
  class BeforeSignIn {
    @Test
    void a_config_file_problem_ends_the_run_before_anyone_signs_in() {
      Failure problem = Failure.file("cannot edit x: line 1: ...", null);
      config.problem = problem;

      assertSame(
          problem,
          assertThrows(
              Failure.class, () -> generator(tokens(fresh("t")), token -> ROLES).run(WRITE)));
      assertEquals(List.of(), signIns);
    }

    @Test
    void an_sso_session_of_the_same_name_for_another_start_url_ends_it_too() {
      config.content =
          "[sso-session acme]\nsso_start_url = https://other.awsapps.com/start\n"
              + "sso_region = us-east-1\n";

      Failure failure =
          assertFailure(
              Failure.Kind.USAGE, () -> generator(tokens(fresh("t")), token -> ROLES).run(WRITE));

      assertTrue(failure.getMessage().contains("--sso-session"), failure.getMessage());
      assertEquals(List.of(), signIns);
    }
  }

  /** A config file in memory that can be made busy or broken. */
  private static final class MemoryConfig implements Generator.ConfigFile {
    String content = "";
    boolean busy;
    int locks;
    Failure problem;
    final List<Boolean> checks = new ArrayList<>();

    String text() {
      return content;
    }

    @Override
    public Path path() {
      return Path.of("/home/me/.aws/config");
    }

    @Override
    public ConfigDocument checkBeforeSignIn(boolean dryRun) {
      checks.add(dryRun);
      if (problem != null) {
        throw problem;
      }
      return read();
    }

    @Override
    public ConfigDocument read() {
      return ConfigDocument.parse(content.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Optional<Generator.Lock> tryLock() {
      return busy ? Optional.empty() : Optional.of(held());
    }

    @Override
    public Generator.Lock lock() {
      locks++;
      return held();
    }

    @Override
    public void write(byte[] bytes, boolean backup) {
      content = new String(bytes, StandardCharsets.UTF_8);
    }

    private Generator.Lock held() {
      return new Generator.Lock() {
        @Override
        public Path path() {
          return Path.of("/home/me/.aws/config.lock");
        }

        @Override
        public void close() {}
      };
    }
  }
}
