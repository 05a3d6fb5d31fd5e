package dev.ssoconfig.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssoconfig.cli.LauncherProcess.Run;
import dev.ssoconfig.testing.FakeIdentityCenter;
import dev.ssoconfig.testing.NoDns;
import dev.ssoconfig.testing.OnWindows;
import dev.ssoconfig.testing.RecordingProxy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proxy variables reach the SDK's HTTP client: the built launcher, run with an isolated
 * environment, calls through a {@link RecordingProxy} on 127.0.0.1, and {@code NO_PROXY} keeps
 * calls away from it. The proxy refuses every host but 127.0.0.1, and the launcher's JVM resolves
 * names from the tests' hosts file only, so no run reaches AWS or makes a DNS lookup.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = OnWindows.SHELL_LAUNCHER)
class ProxyIT {
  private static final String[] DEVICE_CODE_RUN = {
    "--start-url",
    "https://acme.awsapps.com/start",
    "--region",
    "us-east-1",
    "--device-code",
    "--no-browser"
  };

  /** Where the SSO region us-east-1's OIDC calls go when no endpoint is set. */
  private static final String OIDC_TUNNEL = "CONNECT oidc.us-east-1.amazonaws.com:443";

  @TempDir Path home;
  @RegisterExtension final FakeIdentityCenter fake = new FakeIdentityCenter();
  private RecordingProxy proxy;

  @BeforeEach
  void startProxy() throws IOException {
    proxy = new RecordingProxy();
  }

  @AfterEach
  void stopProxy() throws IOException {
    proxy.close();
  }

  /** Variables for the launcher: {@code more}, and its JVM resolving names from the hosts file. */
  private static Map<String, String> env(String... more) {
    NoDns.assertActive();
    Map<String, String> env = new HashMap<>();
    String hostsFile = System.getProperty(NoDns.HOSTS_FILE_PROPERTY);
    env.put("JAVA_OPTS", "-D" + NoDns.HOSTS_FILE_PROPERTY + "=" + hostsFile);
    for (int i = 0; i < more.length; i += 2) {
      env.put(more[i], more[i + 1]);
    }
    return env;
  }

  @Nested
  class AgainstTheFakeOverHttp {
    private Run run(Map<String, String> env) throws IOException, InterruptedException {
      return new LauncherProcess(LauncherProcess.BUILT, home, fake.baseUri())
          .run(env, DEVICE_CODE_RUN);
    }

    @Test
    void every_call_goes_through_HTTP_PROXY() throws Exception {
      Run run = run(env("HTTP_PROXY", proxy.url()));

      assertEquals(0, run.code(), run.err());
      List<String> seen = proxy.requests();
      assertEquals(fake.totalRequests(), seen.size(), seen.toString());
      String base = "http://127.0.0.1:" + fake.baseUri().getPort();
      for (String path :
          List.of(
              "POST " + base + "/client/register",
              "POST " + base + "/device_authorization",
              "POST " + base + "/token",
              "GET " + base + "/assignment/accounts?",
              "GET " + base + "/assignment/roles?")) {
        assertTrue(seen.stream().anyMatch(r -> r.startsWith(path)), path + " not in " + seen);
      }
    }

    @Test
    void the_lower_case_http_proxy_works_too() throws Exception {
      Run run = run(env("http_proxy", proxy.url()));

      assertEquals(0, run.code(), run.err());
      assertEquals(fake.totalRequests(), proxy.requests().size());
    }

    @Test
    void no_call_goes_through_the_proxy_for_a_host_in_NO_PROXY() throws Exception {
      Run run = run(env("HTTP_PROXY", proxy.url(), "NO_PROXY", "localhost,127.0.0.1"));

      assertEquals(0, run.code(), run.err());
      assertTrue(fake.totalRequests() > 0);
      assertEquals(List.of(), proxy.requests());
    }
  }

  /**
   * With no endpoint set the calls go to the regional {@code https} endpoints: through the proxy
   * they are a {@code CONNECT} tunnel, which the recording proxy refuses, so the run ends with exit
   * 4 once the first call has been seen.
   */
  @Nested
  class ToTheAwsEndpointsOverHttps {
    private Run run(Map<String, String> env) throws IOException, InterruptedException {
      return new LauncherProcess(LauncherProcess.BUILT, home, null).run(env, DEVICE_CODE_RUN);
    }

    @Test
    void the_calls_go_through_HTTPS_PROXY() throws Exception {
      Run run = run(env("HTTPS_PROXY", proxy.url()));

      assertEquals(ExitCode.AWS_CALL, run.code(), run.err());
      assertFalse(proxy.requests().isEmpty(), run.err());
      assertEquals(List.of(OIDC_TUNNEL), proxy.requests().stream().distinct().toList());
    }

    @Test
    void HTTPS_PROXY_wins_over_HTTP_PROXY_for_them() throws Exception {
      try (RecordingProxy other = new RecordingProxy()) {
        Run run = run(env("HTTPS_PROXY", proxy.url(), "HTTP_PROXY", other.url()));

        assertEquals(ExitCode.AWS_CALL, run.code(), run.err());
        assertEquals(List.of(OIDC_TUNNEL), proxy.requests().stream().distinct().toList());
        assertEquals(List.of(), other.requests());
      }
    }

    @Test
    void HTTP_PROXY_alone_is_used_for_them_as_before() throws Exception {
      Run run = run(env("HTTP_PROXY", proxy.url()));

      assertEquals(ExitCode.AWS_CALL, run.code(), run.err());
      assertEquals(List.of(OIDC_TUNNEL), proxy.requests().stream().distinct().toList());
    }

    @Test
    void no_call_goes_through_the_proxy_for_a_host_in_NO_PROXY() throws Exception {
      Run run = run(env("HTTPS_PROXY", proxy.url(), "NO_PROXY", "oidc.us-east-1.amazonaws.com"));

      // straight to the endpoint, whose name the hosts file does not resolve
      assertEquals(ExitCode.AWS_CALL, run.code(), run.err());
      assertEquals(List.of(), proxy.requests());
    }
  }
}
