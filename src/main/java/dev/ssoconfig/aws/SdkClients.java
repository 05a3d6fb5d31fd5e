package dev.ssoconfig.aws;

import java.io.File;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.http.urlconnection.ProxyConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileFileSystemSetting;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * The settings every AWS SDK client of this tool shares: the URL-connection HTTP client with {@link
 * #CONNECT_TIMEOUT} and {@link #READ_TIMEOUT}, anonymous credentials (the OIDC and portal calls are
 * not SigV4-signed, so no AWS credentials are looked up), the SSO region, an optional endpoint
 * override, and no profile file. Without an override the SDK resolves the regional endpoint and
 * honours {@code AWS_ENDPOINT_URL_SSO_OIDC} / {@code AWS_ENDPOINT_URL_SSO}.
 *
 * <h2>The SDK never reads the person's config or credentials file</h2>
 *
 * <p>Region and endpoint come only from our options and the SDK's environment variables, and a
 * config file the AWS CLI reads but the SDK's strict {@code ProfileFileReader} rejects (an indented
 * first property, {@code key : value}, ...) must not break sign-in. In SDK 2.56.0 a client reads
 * the shared files in these places:
 *
 * <ul>
 *   <li>while it is built, through the client's profile-file supplier ({@code
 *       SdkClientOption.PROFILE_FILE_SUPPLIER}), or {@code ProfileFile::defaultProfileFile} where
 *       that is still unset: {@code AuthSchemePreferenceResolver} ({@code auth_scheme_preference}),
 *       {@code AwsClientEndpointProvider} ({@code endpoint_url}, {@code services}, {@code
 *       ignore_configured_endpoint_urls}), {@code DualstackEnabledProvider}, {@code
 *       FipsEnabledProvider}, {@code DefaultsModeResolver}, {@code RetryMode.Resolver}, {@code
 *       AppIdResolver} ({@code sdk_ua_app_id}), the request-compression settings and {@code
 *       Sigv4aSigningRegionSetProvider} in {@code SdkDefaultClientBuilder} / {@code
 *       AwsDefaultClientBuilder};
 *   <li>per request, through the same supplier ({@code AwsExecutionContextBuilder} puts the profile
 *       file into the execution attributes);
 *   <li>and unconditionally in {@code SdkDefaultClientBuilder.mergeGlobalDefaults}: it builds a map
 *       of defaults holding {@code ProfileFileSupplier.defaultSupplier()} and a lazy {@code
 *       PROFILE_FILE} derived from it, and {@code AttributeMap.Builder.build()} evaluates every
 *       lazy value, so {@code ~/.aws/config} and {@code ~/.aws/credentials} are parsed even when
 *       the client was given its own profile file.
 * </ul>
 *
 * <p>So each client gets an empty profile file ({@code
 * ClientOverrideConfiguration.defaultProfileFile}), which covers the first two, and, because no
 * per-client setting reaches the third, the SDK's own system properties {@code aws.configFile} and
 * {@code aws.sharedCredentialsFile} (which win over {@code AWS_CONFIG_FILE} / {@code
 * AWS_SHARED_CREDENTIALS_FILE} in {@code ProfileFileLocation}) are pointed at the null device
 * before every client is built. That setting is process-wide: nothing else in this tool lets the
 * SDK read profile files, and the config file the tool edits is found by our own rules ({@code
 * cli.Environment}), not through these properties.
 *
 * <h2>Connections are kept alive</h2>
 *
 * <p>The URL-connection client keeps a connection open after a call for the next one to the same
 * host, but the JDK keeps at most {@code http.maxConnections} idle connections per host (5 by
 * default), and the portal listing has up to {@link #MAX_CONNECTIONS} calls in flight: every call
 * beyond 5 would pay a new TCP and TLS handshake. So the system property is raised to {@link
 * #MAX_CONNECTIONS} (unless set higher) before a client is built; the JDK reads it once, when the
 * first HTTP connection is made.
 *
 * <h2>Proxies</h2>
 *
 * <p>The URL-connection client takes one proxy for all its calls from its {@code
 * ProxyConfiguration}, which reads the JDK's system properties ({@code <scheme>.proxyHost}, {@code
 * <scheme>.proxyPort}, {@code http.nonProxyHosts}) and, when none is set, the environment ({@code
 * HTTP_PROXY} or {@code HTTPS_PROXY} by that scheme, user and password from its URL, {@code
 * NO_PROXY}), each in upper or lower case. Its default scheme is {@code http}, so on its own it
 * ignores {@code HTTPS_PROXY} although every AWS endpoint is {@code https}. So, as botocore picks
 * the proxy by the scheme of the URL called, a client for an {@code https} endpoint is given the
 * {@code https} settings when they name a proxy ({@link #proxyFor(String)}), else the {@code http}
 * ones, so that a proxy set only in {@code HTTP_PROXY} keeps working as before. {@code NO_PROXY} is
 * a comma-separated list of host names, each matched against the whole host name with {@code *} as
 * a wildcard (the SDK's rule; botocore also matches domain suffixes, e.g. {@code .amazonaws.com}).
 */
public final class SdkClients {
  /** How long to wait for a TCP connection. */
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** How long to wait for the bytes of a response once connected. */
  public static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

  /** The idle connections kept per host: the most calls in flight ({@code --concurrency}). */
  public static final int MAX_CONNECTIONS = 64;

  private static final String MAX_CONNECTIONS_PROPERTY = "http.maxConnections";

  /**
   * A path that holds nothing: the null device. The SDK skips it ({@code ProfileFileLocation} wants
   * a readable regular file), and reading it would give an empty file anyway.
   */
  private static final String NO_PROFILE_FILE = File.separatorChar == '\\' ? "NUL" : "/dev/null";

  private static final ProfileFile EMPTY_PROFILE_FILE =
      ProfileFile.builder().content("").type(ProfileFile.Type.CONFIGURATION).build();

  private SdkClients() {}

  /**
   * Configures and builds a client that reads no profile file (see the class comment); first points
   * the SDK's {@code aws.configFile} and {@code aws.sharedCredentialsFile} system properties at the
   * null device.
   *
   * @param builder a fresh builder, e.g. {@code SsoClient.builder()}
   * @param ssoRegion the SSO region, e.g. {@code us-east-1}
   * @param endpointOverride a base URI to call instead of the regional endpoint (tests, private
   *     endpoints)
   * @param retryStrategy the SDK's retry strategy for this client
   * @return the client; the caller closes it
   */
  public static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkClient>
      C build(
          B builder,
          String ssoRegion,
          Optional<URI> endpointOverride,
          RetryStrategy retryStrategy) {
    return build(builder, ssoRegion, endpointOverride, retryStrategy, Optional.empty());
  }

  /**
   * As {@link #build(AwsClientBuilder, String, Optional, RetryStrategy)}, trusting the certificate
   * authorities of {@code caBundle} instead of the JDK's own when it is present ({@code
   * AWS_CA_BUNDLE}, see {@link CaBundle}).
   *
   * @param builder a fresh builder, e.g. {@code SsoClient.builder()}
   * @param ssoRegion the SSO region, e.g. {@code us-east-1}
   * @param endpointOverride a base URI to call instead of the regional endpoint
   * @param retryStrategy the SDK's retry strategy for this client
   * @param caBundle the certificate authorities to trust; empty for the JDK's
   * @return the client; the caller closes it
   */
  public static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkClient>
      C build(
          B builder,
          String ssoRegion,
          Optional<URI> endpointOverride,
          RetryStrategy retryStrategy,
          Optional<CaBundle> caBundle) {
    Objects.requireNonNull(ssoRegion, "ssoRegion");
    Objects.requireNonNull(endpointOverride, "endpointOverride");
    keepSdkFromProfileFiles();
    keepConnectionsAlive();
    String endpointScheme = endpointOverride.map(URI::getScheme).orElse("https");
    UrlConnectionHttpClient.Builder http =
        UrlConnectionHttpClient.builder()
            .connectionTimeout(CONNECT_TIMEOUT)
            .socketTimeout(READ_TIMEOUT)
            .proxyConfiguration(proxyFor(endpointScheme));
    caBundle.ifPresent(bundle -> http.tlsTrustManagersProvider(bundle.trustManagers()));
    builder
        .region(Region.of(ssoRegion))
        .credentialsProvider(AnonymousCredentialsProvider.create())
        .httpClientBuilder(http)
        .overrideConfiguration(
            c -> c.retryStrategy(retryStrategy).defaultProfileFile(EMPTY_PROFILE_FILE));
    endpointOverride.ifPresent(builder::endpointOverride);
    return builder.build();
  }

  /**
   * The proxy settings for calls to endpoints of {@code scheme} (see the class comment): for {@code
   * https}, those of {@code https.proxyHost} or {@code HTTPS_PROXY} when one of them names a proxy;
   * otherwise those of {@code http.proxyHost} or {@code HTTP_PROXY}, the SDK's default. Either way
   * {@code NO_PROXY} applies.
   *
   * @param scheme the scheme of the endpoint called, {@code https} or {@code http}
   * @return the settings; their {@code host()} is {@code null} when no proxy is to be used
   */
  static ProxyConfiguration proxyFor(String scheme) {
    if ("https".equalsIgnoreCase(scheme)) {
      ProxyConfiguration https = ProxyConfiguration.builder().scheme("https").build();
      if (https.host() != null) {
        return https;
      }
    }
    return ProxyConfiguration.builder().build();
  }

  /**
   * Makes the SDK's default profile file empty for this process, for the one read no client setting
   * reaches ({@code SdkDefaultClientBuilder.mergeGlobalDefaults}, see the class comment).
   * Idempotent.
   */
  private static void keepSdkFromProfileFiles() {
    System.setProperty(ProfileFileSystemSetting.AWS_CONFIG_FILE.property(), NO_PROFILE_FILE);
    System.setProperty(
        ProfileFileSystemSetting.AWS_SHARED_CREDENTIALS_FILE.property(), NO_PROFILE_FILE);
  }

  /**
   * Lets the JDK keep up to {@link #MAX_CONNECTIONS} idle connections per host (see the class
   * comment), unless {@code http.maxConnections} is set higher already. Idempotent.
   */
  private static void keepConnectionsAlive() {
    String set = System.getProperty(MAX_CONNECTIONS_PROPERTY);
    try {
      if (set != null && Integer.parseInt(set.trim()) >= MAX_CONNECTIONS) {
        return;
      }
    } catch (NumberFormatException ignored) {
      // not a number: the JDK would fall back to 5, so ours applies
    }
    System.setProperty(MAX_CONNECTIONS_PROPERTY, String.valueOf(MAX_CONNECTIONS));
  }

  /**
   * Whether the SDK failed to parse a response: its JSON parser's exceptions (Jackson's {@code
   * JsonProcessingException}, shaded inside the SDK) are {@link java.io.IOException}s although the
   * network was fine, so such a failure must not be retried or called a network error. Matched by
   * class name because the SDK's copy of Jackson is internal.
   *
   * @param e any failure
   * @return true if a JSON parse failure is in its cause chain
   */
  public static boolean isUnreadableResponse(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      for (Class<?> type = t.getClass(); type != null; type = type.getSuperclass()) {
        if (type.getSimpleName().equals("JsonProcessingException")) {
          return true;
        }
      }
    }
    return false;
  }
}
