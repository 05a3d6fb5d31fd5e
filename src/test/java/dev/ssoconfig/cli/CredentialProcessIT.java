package dev.ssoconfig.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ssoconfig.cli.LauncherProcess.Run;
import dev.ssoconfig.testing.FakeIdentityCenter;
import dev.ssoconfig.testing.OnWindows;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.ProcessCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * The built launcher, copied into a folder whose path has a space, writes its own absolute path
 * into {@code credential_process} with {@code --credential-process}, and the SDK for Java runs that
 * command ({@code sh -c}, as its {@code ProcessCredentialsProvider} does for a profile).
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = OnWindows.SHELL_LAUNCHER)
class CredentialProcessIT {
  @TempDir Path home;
  @RegisterExtension final FakeIdentityCenter fake = new FakeIdentityCenter();

  @Test
  void the_launcher_in_a_folder_with_a_space_writes_a_command_the_sdk_runs()
      throws IOException, InterruptedException {
    Path folder = Files.createDirectories(home.resolve("my tools"));
    Path launcher = folder.resolve("aws-sso-config-generator");
    Files.copy(LauncherProcess.BUILT, launcher, StandardCopyOption.COPY_ATTRIBUTES);
    LauncherProcess process = new LauncherProcess(launcher, home, fake.baseUri());

    Run run =
        process.run(
            Map.of(),
            "--start-url",
            FakeIdentityCenter.START_URL,
            "--region",
            "us-east-1",
            "--device-code",
            "--no-browser",
            "--credential-process");

    assertEquals(0, run.code(), run.err());
    String profile = "Dev.AdministratorAccess";
    String command =
        ProfileFile.builder()
            .content(home.resolve(".aws/config"))
            .type(ProfileFile.Type.CONFIGURATION)
            .build()
            .profile(profile)
            .flatMap(p -> p.property("credential_process"))
            .orElseThrow();
    assertEquals("'" + launcher.toAbsolutePath() + "' credentials --profile " + profile, command);

    Run direct = process.run(Map.of(), "credentials", "--profile", profile);
    assertEquals(0, direct.code(), direct.err());
    assertEquals("", direct.err());
    JsonNode json = new ObjectMapper().readTree(direct.out());
    assertEquals("222222222222", json.get("AccountId").asText());

    String isolated =
        "env HOME='"
            + home
            + "' XDG_CACHE_HOME='"
            + home.resolve(".cache")
            + "'"
            + " AWS_CONFIG_FILE='"
            + home.resolve(".aws/config")
            + "'"
            + " AWS_ENDPOINT_URL_SSO="
            + fake.baseUri()
            + " AWS_ENDPOINT_URL_SSO_OIDC="
            + fake.baseUri()
            + " "
            + command;
    try (ProcessCredentialsProvider provider =
        ProcessCredentialsProvider.builder().command(isolated).build()) {
      AwsCredentials credentials = provider.resolveCredentials();
      assertTrue(credentials.accessKeyId().startsWith("ASIA"), credentials.accessKeyId());
    }
  }
}
