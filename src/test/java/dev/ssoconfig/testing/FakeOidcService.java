package dev.ssoconfig.testing;

import static dev.ssoconfig.testing.FakeHttp.json;
import static dev.ssoconfig.testing.FakeHttp.jsonBody;
import static dev.ssoconfig.testing.FakeHttp.oidcError;
import static dev.ssoconfig.testing.FakeHttp.query;
import static dev.ssoconfig.testing.FakeHttp.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The OIDC half of the fake ({@code oidc.<region>.amazonaws.com}): RegisterClient,
 * StartDeviceAuthorization, CreateToken (device code, authorization code with a real PKCE check,
 * refresh token) and the browser-facing {@code GET /authorize}. All state is guarded by this
 * object's monitor; WireMock serves requests on several threads.
 */
final class FakeOidcService {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

  private record Client(
      String secret, List<String> grantTypes, List<String> redirectUris, List<String> scopes) {}

  private record DeviceGrant(String clientId, String userCode, Instant expiresAt) {}

  private record AuthorizationCode(String clientId, String redirectUri, String codeChallenge) {}

  private final Map<String, Client> clients = new HashMap<>();
  private final Map<String, DeviceGrant> deviceGrants = new HashMap<>();
  private final Map<String, AuthorizationCode> codes = new HashMap<>();
  private final Map<String, String> refreshTokens = new HashMap<>();
  private final Set<String> accessTokens = new HashSet<>();
  private final List<JsonNode> registerClientRequests = new ArrayList<>();
  private final Map<String, Integer> grantCounts = new HashMap<>();
  private final Map<String, Set<String>> secrets = new LinkedHashMap<>();

  private String baseUrl = "http://127.0.0.1";
  private List<DevicePoll> deviceScript = List.of(DevicePoll.APPROVED);
  private int scriptPosition;
  private Integer deviceInterval = 1;
  private int deviceExpiresIn = 600;
  private int accessTokenLifetime = 28_800;
  private long registrationLifetime = 90L * 24 * 3600;
  private String denyDescription;
  private boolean refuseCodes;
  private final Map<String, ClientRejection> rejectedClients = new HashMap<>();
  private ClientRejection rejectEveryClient;
  private Clock clock = Clock.systemUTC();

  synchronized void clock(Clock clock) {
    this.clock = clock;
  }

  synchronized void baseUrl(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  synchronized void deviceScript(List<DevicePoll> script) {
    if (script.isEmpty()) {
      throw new IllegalArgumentException("the script needs at least one step");
    }
    this.deviceScript = List.copyOf(script);
    this.scriptPosition = 0;
  }

  synchronized void deviceTiming(Integer intervalSeconds, int expiresInSeconds) {
    this.deviceInterval = intervalSeconds;
    this.deviceExpiresIn = expiresInSeconds;
  }

  synchronized void accessTokenLifetime(int seconds) {
    this.accessTokenLifetime = seconds;
  }

  synchronized void registrationLifetime(long seconds) {
    this.registrationLifetime = seconds;
  }

  synchronized void denyAuthorization(String description) {
    this.denyDescription = description;
  }

  synchronized void refuseAuthorizationCodes(boolean refuse) {
    this.refuseCodes = refuse;
  }

  synchronized void rejectClient(String clientId, ClientRejection rejection) {
    rejectedClients.put(clientId, rejection);
  }

  synchronized void rejectEveryClient(ClientRejection rejection) {
    this.rejectEveryClient = rejection;
  }

  synchronized void acceptClients() {
    rejectedClients.clear();
    rejectEveryClient = null;
  }

  synchronized String issueAccessToken() {
    String token = "aoa" + random(48);
    accessTokens.add(token);
    remember(FakeIdentityCenter.ACCESS_TOKEN, token);
    return token;
  }

  synchronized boolean isValidAccessToken(String token) {
    return token != null && accessTokens.contains(token);
  }

  synchronized void revoke(String token) {
    accessTokens.remove(token);
  }

  synchronized void revokeAllAccessTokens() {
    accessTokens.clear();
  }

  synchronized List<JsonNode> registerClientRequests() {
    return List.copyOf(registerClientRequests);
  }

  synchronized int grantCount(String grantType) {
    return grantCounts.getOrDefault(grantType, 0);
  }

  /**
   * @return every secret value issued or received so far, by kind, in order of appearance
   */
  synchronized Map<String, Set<String>> secrets() {
    Map<String, Set<String>> copy = new LinkedHashMap<>();
    secrets.forEach((kind, values) -> copy.put(kind, Set.copyOf(values)));
    return copy;
  }

  private void remember(String kind, String value) {
    if (value != null && !value.isEmpty()) {
      secrets.computeIfAbsent(kind, k -> new LinkedHashSet<>()).add(value);
    }
  }

  /** POST /client/register */
  synchronized ResponseDefinition registerClient(Request request) {
    JsonNode body = jsonBody(request);
    registerClientRequests.add(body);
    String clientName = text(body, "clientName");
    String clientType = text(body, "clientType");
    if (clientName == null || !"public".equals(clientType)) {
      return oidcError(
          400,
          "InvalidClientMetadataException",
          "invalid_client_metadata",
          "clientName and clientType=public are required");
    }
    List<String> grantTypes = strings(body, "grantTypes");
    List<String> redirectUris = strings(body, "redirectUris");
    if (grantTypes.contains("authorization_code")
        && (text(body, "issuerUrl") == null || redirectUris.isEmpty())) {
      return oidcError(
          400,
          "InvalidRequestException",
          "invalid_request",
          "issuerUrl and redirectUris are required for authorization_code");
    }
    String clientId = "client-" + random(16);
    String secret = "secret-" + random(32);
    remember(FakeIdentityCenter.CLIENT_SECRET, secret);
    clients.put(clientId, new Client(secret, grantTypes, redirectUris, strings(body, "scopes")));
    long now = clock.instant().getEpochSecond();
    ObjectNode response =
        FakeHttp.JSON
            .createObjectNode()
            .put("clientId", clientId)
            .put("clientSecret", secret)
            .put("clientIdIssuedAt", now)
            .put("clientSecretExpiresAt", now + registrationLifetime);
    return json(response);
  }

  /** POST /device_authorization */
  synchronized ResponseDefinition startDeviceAuthorization(Request request) {
    JsonNode body = jsonBody(request);
    String clientId = text(body, "clientId");
    remember(FakeIdentityCenter.CLIENT_SECRET, text(body, "clientSecret"));
    if (rejection(clientId) != null) {
      return rejected(rejection(clientId));
    }
    if (!isClient(clientId, text(body, "clientSecret"))) {
      return invalidClient();
    }
    if (text(body, "startUrl") == null) {
      return oidcError(400, "InvalidRequestException", "invalid_request", "startUrl is required");
    }
    String deviceCode = "device-" + random(32);
    remember(FakeIdentityCenter.DEVICE_CODE, deviceCode);
    String userCode = random(4).toUpperCase(Locale.ROOT) + "-" + random(4).toUpperCase(Locale.ROOT);
    deviceGrants.put(
        deviceCode,
        new DeviceGrant(clientId, userCode, clock.instant().plusSeconds(deviceExpiresIn)));
    ObjectNode response =
        FakeHttp.JSON
            .createObjectNode()
            .put("deviceCode", deviceCode)
            .put("userCode", userCode)
            .put("verificationUri", baseUrl + "/device")
            .put("verificationUriComplete", baseUrl + "/device?user_code=" + userCode)
            .put("expiresIn", deviceExpiresIn);
    if (deviceInterval != null) {
      response.put("interval", deviceInterval);
    }
    return json(response);
  }

  /** POST /token */
  synchronized ResponseDefinition createToken(Request request) {
    JsonNode body = jsonBody(request);
    String clientId = text(body, "clientId");
    String grantType = String.valueOf(text(body, "grantType"));
    grantCounts.merge(grantType, 1, Integer::sum);
    remember(FakeIdentityCenter.CLIENT_SECRET, text(body, "clientSecret"));
    remember(FakeIdentityCenter.AUTHORIZATION_CODE, text(body, "code"));
    remember(FakeIdentityCenter.CODE_VERIFIER, text(body, "codeVerifier"));
    remember(FakeIdentityCenter.DEVICE_CODE, text(body, "deviceCode"));
    remember(FakeIdentityCenter.REFRESH_TOKEN, text(body, "refreshToken"));
    if (rejection(clientId) != null) {
      return rejected(rejection(clientId));
    }
    if (!isClient(clientId, text(body, "clientSecret"))) {
      return invalidClient();
    }
    switch (grantType) {
      case DEVICE_GRANT:
        return deviceCodeGrant(clientId, text(body, "deviceCode"));
      case "authorization_code":
        return authorizationCodeGrant(
            clientId, text(body, "code"), text(body, "redirectUri"), text(body, "codeVerifier"));
      case "refresh_token":
        return refreshTokenGrant(clientId, text(body, "refreshToken"));
      default:
        return oidcError(
            400, "UnsupportedGrantTypeException", "unsupported_grant_type", "Unsupported grant");
    }
  }

  /** GET /authorize: the browser's leg of the PKCE flow. */
  synchronized ResponseDefinition authorize(Request request) {
    String clientId = query(request, "client_id");
    String redirectUri = query(request, "redirect_uri");
    Client client = clientId == null ? null : clients.get(clientId);
    if (client == null
        || !client.grantTypes().contains("authorization_code")
        || redirectUri == null
        || !matchesRegisteredLoopback(redirectUri, client.redirectUris())) {
      return FakeHttp.body(400, "text/plain", "invalid client_id or redirect_uri");
    }
    String state = query(request, "state");
    String challenge = query(request, "code_challenge");
    String problem = null;
    if (!"code".equals(query(request, "response_type"))) {
      problem = "response_type must be code";
    } else if (!"S256".equals(query(request, "code_challenge_method")) || challenge == null) {
      problem = "code_challenge with code_challenge_method=S256 is required";
    } else if (query(request, "scopes") == null
        || !client.scopes().containsAll(List.of(query(request, "scopes").split(" ")))) {
      problem = "scopes must be a subset of the registered scopes";
    }
    if (problem != null) {
      return FakeHttp.redirect(errorRedirect(redirectUri, "invalid_request", problem, state));
    }
    if (denyDescription != null) {
      return FakeHttp.redirect(errorRedirect(redirectUri, "access_denied", denyDescription, state));
    }
    String code = "code-" + random(32);
    remember(FakeIdentityCenter.AUTHORIZATION_CODE, code);
    codes.put(code, new AuthorizationCode(clientId, redirectUri, challenge));
    return FakeHttp.redirect(
        redirectUri + "?code=" + encode(code) + (state == null ? "" : "&state=" + encode(state)));
  }

  private ResponseDefinition deviceCodeGrant(String clientId, String deviceCode) {
    DeviceGrant grant = deviceCode == null ? null : deviceGrants.get(deviceCode);
    if (grant == null || !grant.clientId().equals(clientId)) {
      return oidcError(400, "InvalidGrantException", "invalid_grant", "Invalid device code");
    }
    DevicePoll step = deviceScript.get(Math.min(scriptPosition, deviceScript.size() - 1));
    scriptPosition++;
    switch (step) {
      case PENDING:
        return oidcError(
            400, "AuthorizationPendingException", "authorization_pending", "Authorization pending");
      case SLOW_DOWN:
        return oidcError(400, "SlowDownException", "slow_down", "Client is polling too fast");
      case EXPIRED:
        deviceGrants.remove(deviceCode);
        return oidcError(400, "ExpiredTokenException", "expired_token", "Device code expired");
      case DENIED:
        deviceGrants.remove(deviceCode);
        return oidcError(
            400, "AccessDeniedException", "access_denied", "The user denied the authorization");
      default:
        deviceGrants.remove(deviceCode);
        return tokenResponse(clientId);
    }
  }

  private ResponseDefinition authorizationCodeGrant(
      String clientId, String code, String redirectUri, String codeVerifier) {
    AuthorizationCode issued = code == null ? null : codes.remove(code);
    if (refuseCodes
        || issued == null
        || !issued.clientId().equals(clientId)
        || !issued.redirectUri().equals(redirectUri)
        || codeVerifier == null
        || !issued.codeChallenge().equals(s256(codeVerifier))) {
      return oidcError(
          400,
          "InvalidGrantException",
          "invalid_grant",
          "Invalid authorization code, redirect URI or code verifier");
    }
    return tokenResponse(clientId);
  }

  private ResponseDefinition refreshTokenGrant(String clientId, String refreshToken) {
    String owner = refreshToken == null ? null : refreshTokens.get(refreshToken);
    if (owner == null || !owner.equals(clientId)) {
      return oidcError(400, "InvalidGrantException", "invalid_grant", "Invalid refresh token");
    }
    refreshTokens.remove(refreshToken);
    return tokenResponse(clientId);
  }

  private ResponseDefinition tokenResponse(String clientId) {
    String accessToken = issueAccessToken();
    ObjectNode response =
        FakeHttp.JSON
            .createObjectNode()
            .put("accessToken", accessToken)
            .put("tokenType", "Bearer")
            .put("expiresIn", accessTokenLifetime);
    if (!clients.get(clientId).scopes().isEmpty()) {
      String refreshToken = "aor" + random(48);
      remember(FakeIdentityCenter.REFRESH_TOKEN, refreshToken);
      refreshTokens.put(refreshToken, clientId);
      response.put("refreshToken", refreshToken);
    }
    return json(response);
  }

  private boolean isClient(String clientId, String secret) {
    Client client = clientId == null ? null : clients.get(clientId);
    return client != null && client.secret().equals(secret);
  }

  /** How a client told to be rejected is refused; {@code null} for every other client. */
  private ClientRejection rejection(String clientId) {
    if (clientId == null || !clients.containsKey(clientId)) {
      return null;
    }
    return rejectEveryClient != null ? rejectEveryClient : rejectedClients.get(clientId);
  }

  private static ResponseDefinition rejected(ClientRejection rejection) {
    return oidcError(rejection.status, rejection.type, rejection.error, rejection.description);
  }

  private static ResponseDefinition invalidClient() {
    return oidcError(401, "InvalidClientException", "invalid_client", "Invalid client");
  }

  /** RFC 8252 section 7.3: a loopback redirect URI matches the registered one on any port. */
  private static boolean matchesRegisteredLoopback(String redirectUri, List<String> registered) {
    URI uri;
    try {
      uri = URI.create(redirectUri);
    } catch (IllegalArgumentException e) {
      return false;
    }
    String withoutPort = uri.getScheme() + "://" + uri.getHost() + uri.getPath();
    return "127.0.0.1".equals(uri.getHost()) && registered.contains(withoutPort);
  }

  private static String errorRedirect(
      String redirectUri, String error, String description, String state) {
    return redirectUri
        + "?error="
        + encode(error)
        + "&error_description="
        + encode(description)
        + (state == null ? "" : "&state=" + encode(state));
  }

  static String s256(String codeVerifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(codeVerifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> strings(JsonNode body, String field) {
    List<String> values = new ArrayList<>();
    body.path(field).forEach(v -> values.add(v.asText()));
    return values;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  static String random(int length) {
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return out.toString();
  }
}
