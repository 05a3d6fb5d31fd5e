package dev.ssoconfig.testing;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a script of portal answers ({@link FakeIdentityCenter#scriptPortalCalls}): answer as
 * the fake always does, answer with an error the way the portal sends one, or break the connection.
 */
public final class PortalAnswer {
  private static final PortalAnswer SERVE = new PortalAnswer(null, "serve");

  private final ResponseDefinition response;
  private final String description;

  private PortalAnswer(ResponseDefinition response, String description) {
    this.response = response;
    this.description = description;
  }

  /**
   * @return the answer the fake gives without a script (the bearer token, paging, throttling and
   *     the dataset all apply)
   */
  public static PortalAnswer serve() {
    return SERVE;
  }

  /**
   * @param status the HTTP status, e.g. 429 or 500
   * @param errorType the {@code x-amzn-ErrorType}, e.g. {@code TooManyRequestsException}
   * @return an error as the portal sends it: that status and header, and {@code {"message":
   *     "<errorType> from the fake"}}
   */
  public static PortalAnswer error(int status, String errorType) {
    return new PortalAnswer(
        FakeHttp.portalError(
            status, Objects.requireNonNull(errorType), errorType + " from the fake"),
        status + " " + errorType);
  }

  /**
   * @return a broken connection, e.g. {@link Fault#CONNECTION_RESET_BY_PEER} (reset before the
   *     answer) or {@link Fault#MALFORMED_RESPONSE_CHUNK} (cut off in the middle of a 200 answer)
   */
  public static PortalAnswer fault(Fault fault) {
    return new PortalAnswer(
        ResponseDefinitionBuilder.responseDefinition()
            .withFault(Objects.requireNonNull(fault))
            .build(),
        fault.name());
  }

  /** The scripted response, or empty to answer as usual. */
  Optional<ResponseDefinition> response() {
    return Optional.ofNullable(response);
  }

  @Override
  public String toString() {
    return description;
  }
}
