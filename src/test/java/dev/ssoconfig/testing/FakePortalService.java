package dev.ssoconfig.testing;

import static dev.ssoconfig.testing.FakeHttp.json;
import static dev.ssoconfig.testing.FakeHttp.portalError;
import static dev.ssoconfig.testing.FakeHttp.query;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The portal half of the fake ({@code portal.sso.<region>.amazonaws.com}): ListAccounts,
 * ListAccountRoles and GetRoleCredentials with the bearer token check, paging and injected
 * throttling, plus STS GetCallerIdentity for the role credentials it hands out. State is guarded by
 * this object's monitor.
 */
final class FakePortalService {
  static final String BEARER_HEADER = "x-amz-sso_bearer_token";
  private static final Pattern CREDENTIAL = Pattern.compile("Credential=([A-Z0-9]+)/");

  private record Assignment(String accountId, String roleName) {}

  private final Predicate<String> validAccessToken;
  private final Runnable revokeAllAccessTokens;
  private final Map<String, Assignment> accessKeys = new HashMap<>();
  private List<FakeAccount> accounts = List.of();
  private int pageSize = 2;
  private int throttleRemaining;
  private int throttleEvery;
  private int listCalls;
  private int revokeCountdown;
  private boolean rejectEveryToken;
  private Duration credentialLifetime = Duration.ofHours(1);
  private Clock clock = Clock.systemUTC();

  FakePortalService(Predicate<String> validAccessToken, Runnable revokeAllAccessTokens) {
    this.validAccessToken = validAccessToken;
    this.revokeAllAccessTokens = revokeAllAccessTokens;
  }

  synchronized void clock(Clock clock) {
    this.clock = clock;
  }

  synchronized void accounts(List<FakeAccount> accounts) {
    this.accounts = List.copyOf(accounts);
  }

  synchronized List<FakeAccount> accounts() {
    return accounts;
  }

  synchronized void pageSize(int pageSize) {
    if (pageSize < 1) {
      throw new IllegalArgumentException("page size must be at least 1");
    }
    this.pageSize = pageSize;
  }

  synchronized void throttleNext(int requests) {
    this.throttleRemaining = requests;
  }

  synchronized void revokeAccessTokensAfter(int requests) {
    if (requests < 0) {
      throw new IllegalArgumentException("requests must be 0 (off) or positive");
    }
    this.revokeCountdown = requests;
  }

  synchronized void rejectEveryToken(boolean reject) {
    this.rejectEveryToken = reject;
  }

  synchronized void throttleEvery(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be 0 (off) or positive");
    }
    this.throttleEvery = n;
    this.listCalls = 0;
  }

  /** GET /assignment/accounts?max_result=&next_token= */
  synchronized ResponseDefinition listAccounts(Request request) {
    Optional<ResponseDefinition> refused = refuse(request);
    if (refused.isPresent()) {
      return refused.get();
    }
    Optional<int[]> page = page(request, "accounts", accounts.size());
    if (page.isEmpty()) {
      return invalidToken();
    }
    ObjectNode body = FakeHttp.JSON.createObjectNode();
    ArrayNode list = body.putArray("accountList");
    for (FakeAccount account : accounts.subList(page.get()[0], page.get()[1])) {
      ObjectNode item = list.addObject().put("accountId", account.accountId());
      if (account.accountName() != null) {
        item.put("accountName", account.accountName());
      }
      item.put("emailAddress", account.emailAddress());
    }
    putNextToken(body, "accounts", page.get()[1], accounts.size());
    return json(body);
  }

  /** GET /assignment/roles?account_id=&max_result=&next_token= */
  synchronized ResponseDefinition listAccountRoles(Request request) {
    Optional<ResponseDefinition> refused = refuse(request);
    if (refused.isPresent()) {
      return refused.get();
    }
    String accountId = query(request, "account_id");
    if (accountId == null) {
      return portalError(400, "InvalidRequestException", "account_id is required");
    }
    List<String> roles =
        accounts.stream()
            .filter(a -> a.accountId().equals(accountId))
            .findFirst()
            .map(FakeAccount::roleNames)
            .orElse(List.of());
    String scope = "roles:" + accountId;
    Optional<int[]> page = page(request, scope, roles.size());
    if (page.isEmpty()) {
      return invalidToken();
    }
    ObjectNode body = FakeHttp.JSON.createObjectNode();
    ArrayNode list = body.putArray("roleList");
    for (String role : roles.subList(page.get()[0], page.get()[1])) {
      list.addObject().put("roleName", role).put("accountId", accountId);
    }
    putNextToken(body, scope, page.get()[1], roles.size());
    return json(body);
  }

  /** GET /federation/credentials?role_name=&account_id= */
  synchronized ResponseDefinition getRoleCredentials(Request request) {
    if (!validAccessToken.test(request.getHeader(BEARER_HEADER))) {
      return unauthorized();
    }
    String accountId = query(request, "account_id");
    String roleName = query(request, "role_name");
    boolean assigned =
        accounts.stream()
            .anyMatch(a -> a.accountId().equals(accountId) && a.roleNames().contains(roleName));
    if (!assigned) {
      return portalError(403, "ForbiddenException", "No access");
    }
    String accessKeyId = "ASIA" + FakeOidcService.random(16).toUpperCase(Locale.ROOT);
    accessKeys.put(accessKeyId, new Assignment(accountId, roleName));
    ObjectNode body = FakeHttp.JSON.createObjectNode();
    body.putObject("roleCredentials")
        .put("accessKeyId", accessKeyId)
        .put("secretAccessKey", FakeOidcService.random(40))
        .put("sessionToken", "session-" + FakeOidcService.random(64))
        .put("expiration", clock.instant().plus(credentialLifetime).toEpochMilli());
    return json(body);
  }

  /**
   * POST / with {@code Action=GetCallerIdentity} (STS query protocol, XML answer). The caller is
   * found from the access key ID in the SigV4 {@code Authorization} header; the signature is not
   * checked.
   */
  synchronized ResponseDefinition getCallerIdentity(Request request) {
    String authorization = String.valueOf(request.getHeader("Authorization"));
    Matcher matcher = CREDENTIAL.matcher(authorization);
    Assignment caller = matcher.find() ? accessKeys.get(matcher.group(1)) : null;
    if (caller == null) {
      return FakeHttp.body(
          403,
          "text/xml",
          "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error>"
              + "<Type>Sender</Type><Code>InvalidClientTokenId</Code>"
              + "<Message>The security token included in the request is invalid.</Message>"
              + "</Error><RequestId>00000000-0000-0000-0000-000000000000</RequestId>"
              + "</ErrorResponse>");
    }
    String arn =
        "arn:aws:sts::"
            + caller.accountId()
            + ":assumed-role/AWSReservedSSO_"
            + caller.roleName()
            + "_0123456789abcdef/person@example.com";
    return FakeHttp.body(
        200,
        "text/xml",
        "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
            + "<GetCallerIdentityResult><Arn>"
            + arn
            + "</Arn><UserId>AROAFAKEFAKEFAKEFAKE:person@example.com</UserId><Account>"
            + caller.accountId()
            + "</Account></GetCallerIdentityResult><ResponseMetadata>"
            + "<RequestId>00000000-0000-0000-0000-000000000000</RequestId></ResponseMetadata>"
            + "</GetCallerIdentityResponse>");
  }

  /**
   * A missing, unknown or rejected bearer token (401) or an injected throttle (429), in that order.
   * Counts down to a scheduled revocation: the request that reaches zero is still served.
   */
  private Optional<ResponseDefinition> refuse(Request request) {
    if (rejectEveryToken || !validAccessToken.test(request.getHeader(BEARER_HEADER))) {
      return Optional.of(unauthorized());
    }
    if (revokeCountdown > 0 && --revokeCountdown == 0) {
      revokeAllAccessTokens.run();
    }
    listCalls++;
    boolean everyNth = throttleEvery > 0 && listCalls % throttleEvery == 0;
    if (throttleRemaining > 0 || everyNth) {
      throttleRemaining = Math.max(0, throttleRemaining - 1);
      return Optional.of(portalError(429, "TooManyRequestsException", "HTTP 429 Unknown Code"));
    }
    return Optional.empty();
  }

  /**
   * @return [from, to) of the page, or empty when next_token is not one this fake issued
   */
  private Optional<int[]> page(Request request, String scope, int total) {
    int from = 0;
    String nextToken = query(request, "next_token");
    if (nextToken != null) {
      try {
        String decoded =
            new String(Base64.getUrlDecoder().decode(nextToken), StandardCharsets.UTF_8);
        if (!decoded.startsWith(scope + "@")) {
          return Optional.empty();
        }
        from = Integer.parseInt(decoded.substring(scope.length() + 1));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
      if (from < 0 || from > total) {
        return Optional.empty();
      }
    }
    int size = pageSize;
    String maxResult = query(request, "max_result");
    if (maxResult != null) {
      int asked;
      try {
        asked = Integer.parseInt(maxResult);
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
      if (asked < 1 || asked > 100) {
        return Optional.empty();
      }
      size = Math.min(size, asked);
    }
    return Optional.of(new int[] {from, Math.min(total, from + size)});
  }

  private static void putNextToken(ObjectNode body, String scope, int to, int total) {
    if (to < total) {
      body.put(
          "nextToken",
          Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString((scope + "@" + to).getBytes(StandardCharsets.UTF_8)));
    }
  }

  private static ResponseDefinition invalidToken() {
    return portalError(400, "InvalidRequestException", "Invalid next_token or max_result");
  }

  private static ResponseDefinition unauthorized() {
    return portalError(401, "UnauthorizedException", "Session token not found or invalid");
  }
}
