package dev.ssoconfig.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssoconfig.cli.CliHarness.Result;
import dev.ssoconfig.testing.FakeIdentityCenter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code AWS_CA_BUNDLE} is checked before anything is sent (aws/CaBundleTest covers trusting). */
class CaBundleVariableTest {
  @TempDir Path home;
  @RegisterExtension final FakeIdentityCenter fake = new FakeIdentityCenter();

  @Test
  void a_bundle_that_cannot_be_read_is_a_usage_error_before_sign_in() {
    CliHarness cli = new CliHarness(home, fake);
    Path missing = home.resolve("corporate-ca.pem");
    cli.env.put("AWS_CA_BUNDLE", missing.toString());

    Result result = cli.generate();

    assertEquals(ExitCode.USAGE, result.code(), result.err());
    assertEquals(
        "aws-sso-config-generator: cannot use AWS_CA_BUNDLE "
            + missing
            + ": no such file or folder; set it to a PEM file of the certificate authorities to"
            + " trust, or unset it"
            + System.lineSeparator(),
        result.err());
    assertEquals(0, fake.totalRequests(), "nothing sent");
    assertFalse(Files.exists(cli.config()), "nothing written");
    assertTrue(cli.browser.opened.isEmpty());
  }

  @Test
  void a_bundle_whose_certificates_do_not_parse_is_a_usage_error_before_anything_is_sent()
      throws Exception {
    CliHarness cli = new CliHarness(home, fake);
    Path garbled =
        Files.writeString(
            home.resolve("corporate-ca.pem"),
            "-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n");
    cli.env.put("AWS_CA_BUNDLE", garbled.toString());

    Result result = cli.generate("--device-code");

    assertEquals(ExitCode.USAGE, result.code(), result.err());
    assertTrue(
        result
            .err()
            .startsWith(
                "aws-sso-config-generator: cannot use AWS_CA_BUNDLE " + garbled + ": it is"),
        result.err());
    assertEquals(0, fake.totalRequests(), "nothing sent");
    assertFalse(Files.exists(cli.config()), "nothing written");
  }

  @Test
  void the_credentials_command_checks_it_before_anything_is_sent() throws Exception {
    CliHarness cli = new CliHarness(home, fake);
    assertEquals(ExitCode.OK, cli.generate().code());
    String profile =
        Files.readAllLines(cli.config()).stream()
            .filter(line -> line.startsWith("[profile "))
            .findFirst()
            .orElseThrow()
            .replaceAll("^\\[profile (.*)]$", "$1");
    int before = fake.totalRequests();
    Path missing = home.resolve("corporate-ca.pem");
    cli.env.put("AWS_CA_BUNDLE", missing.toString());

    Result result = cli.run("credentials", "--profile", profile);

    assertEquals(ExitCode.USAGE, result.code(), result.err());
    assertTrue(
        result.err().startsWith("aws-sso-config-generator: cannot use AWS_CA_BUNDLE " + missing),
        result.err());
    assertEquals("", result.out());
    assertEquals(before, fake.totalRequests(), "nothing sent");
  }
}
