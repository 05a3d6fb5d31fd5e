package dev.ssoconfig.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssoconfig.cli.CliHarness.Result;
import dev.ssoconfig.configfile.ConfigDocument;
import dev.ssoconfig.testing.FakeAccount;
import dev.ssoconfig.testing.FakeIdentityCenter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Config files people really have, through the whole command: what the AWS CLI reads is used (even
 * when the AWS SDK for Java's stricter reader would reject it), and what the AWS CLI cannot read is
 * refused before sign-in with exit 5 and one line naming the file, the line, what is wrong and how
 * to fix it, wherever the file comes from.
 */
class RealConfigsTest {
  @TempDir Path home;

  @RegisterExtension
  final FakeIdentityCenter fake =
      new FakeIdentityCenter()
          .withAccounts(List.of(FakeAccount.of("111111111111", "Prod", "Admin")));

  private CliHarness cli;

  @BeforeEach
  void startFake() {
    cli = new CliHarness(home, fake);
  }

  private Path write(Path file, String content) throws IOException {
    return write(file, content.getBytes(StandardCharsets.UTF_8));
  }

  private Path write(Path file, byte[] content) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.write(file, content);
  }

  @Nested
  class WhatTheAwsCliReads {
    @Test
    void an_indented_key_a_colon_a_tab_before_a_header_and_indented_comments_are_kept_and_read()
        throws IOException {
      String content =
          "  # mine\n[default]\n  region = us-west-2\n  output : json\n\t[profile dev]\n"
              + "region : eu-west-3\n";
      Path config = write(cli.config(), content);
      Result result = cli.generate();
      assertEquals(ExitCode.OK, result.code(), result::all);
      String written = Files.readString(config);
      assertTrue(written.startsWith(content), written);
      ConfigDocument document = ConfigDocument.parse(written.getBytes(StandardCharsets.UTF_8));
      assertEquals(List.of(), document.problems());
      Map<String, Map<String, Object>> profiles = document.asReadByAwsCli().profiles();
      assertEquals(Map.of("region", "us-west-2", "output", "json"), profiles.get("default"));
      assertEquals(Map.of("region", "eu-west-3"), profiles.get("dev"));
      assertEquals("111111111111", profiles.get("Prod.Admin").get("sso_account_id"));
    }

    @Test
    void a_very_long_line_is_kept() throws IOException {
      String content = "[profile big]\nnote = " + "x".repeat(200_000) + "\n";
      Path config = write(cli.config(), content);
      Result result = cli.generate();
      assertEquals(ExitCode.OK, result.code(), result::all);
      assertTrue(Files.readString(config).startsWith(content));
    }
  }

  /** Where the config file comes from. */
  enum Location {
    HOME,
    AWS_CONFIG_FILE,
    CONFIG_FILE_OPTION
  }

  @Nested
  class WhatTheAwsCliCannotRead {
    /** Writes the config at {@code location} and runs the command with it; returns its path. */
    private Path place(Location location, byte[] content) throws IOException {
      Path config =
          switch (location) {
            case HOME -> cli.config();
            case AWS_CONFIG_FILE -> home.resolve("elsewhere/aws-config");
            case CONFIG_FILE_OPTION -> home.resolve("other/config");
          };
      if (location == Location.AWS_CONFIG_FILE) {
        cli.env.put("AWS_CONFIG_FILE", config.toString());
      }
      return write(config, content);
    }

    private Result generate(Location location, Path config, String... extra) {
      List<String> args = new java.util.ArrayList<>(Arrays.asList(extra));
      if (location == Location.CONFIG_FILE_OPTION) {
        args.addAll(List.of("--config-file", config.toString()));
      }
      return cli.generate(args.toArray(String[]::new));
    }

    private void assertRefused(
        Location location, byte[] content, String expectedLine, String... extra)
        throws IOException {
      Path config = place(location, content);
      Result result = generate(location, config, extra);
      assertEquals(ExitCode.FILE, result.code(), result::all);
      assertEquals(
          List.of(Main.NAME + ": cannot edit " + config + ": " + expectedLine),
          result.errorLines());
      assertEquals(0, fake.totalRequests(), "nothing is sent before the refusal");
      assertArrayEquals(content, Files.readAllBytes(config));
      try (Stream<Path> files = Files.list(config.getParent())) {
        assertEquals(List.of(config), files.toList(), "no lock, backup or temp file");
      }
    }

    @ParameterizedTest
    @EnumSource(Location.class)
    void a_byte_order_mark(Location location) throws IOException {
      byte[] content = {
        (byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '[', 'd', 'e', 'f', 'a', 'u', 'l', 't', ']', '\n'
      };
      assertRefused(
          location,
          content,
          "line 1: the file starts with a byte-order mark; remove the byte-order mark;"
              + " the AWS CLI cannot read this file either");
    }

    @ParameterizedTest
    @EnumSource(Location.class)
    void an_unclosed_section_header(Location location) throws IOException {
      assertRefused(
          location,
          "[default]\nregion = x\n[profile foo\nregion = y\n".getBytes(StandardCharsets.UTF_8),
          "line 3: the section header [profile foo has no closing ]; add the ];"
              + " the AWS CLI cannot read this file either");
    }

    @Test
    void a_property_before_any_section_without_naming_its_value() throws IOException {
      assertRefused(
          Location.HOME,
          "aws_secret_access_key = s3cr3t\n[default]\n".getBytes(StandardCharsets.UTF_8),
          "line 1: the key aws_secret_access_key comes before the first section header; move it"
              + " under a section header such as [default], or delete it; the AWS CLI cannot read"
              + " this file either");
    }

    @Test
    void undecodable_text_in_a_section_name() throws IOException {
      byte[] content = "[default]\n[profile caf\u00e9]\n".getBytes(StandardCharsets.ISO_8859_1);
      assertRefused(
          Location.HOME,
          content,
          "line 2: the file is not UTF-8 text (byte 0xE9); save the file as UTF-8;"
              + " the AWS CLI cannot read this file either");
    }

    @Test
    void a_key_twice_in_a_section_also_in_a_dry_run() throws IOException {
      assertRefused(
          Location.CONFIG_FILE_OPTION,
          "[default]\nregion = a\nRegion = b\n".getBytes(StandardCharsets.UTF_8),
          "line 3: the key region appears a second time in its section (first on line 2; keys"
              + " are compared ignoring case); keep only one of them; the AWS CLI cannot read"
              + " this file either",
          "--dry-run");
    }
  }
}
