package dev.ssoconfig.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParseException;
import dev.ssoconfig.Failure;
import dev.ssoconfig.aws.SdkFailures.Service;
import dev.ssoconfig.text.SafeText;
import java.io.IOException;
import java.net.SocketException;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

class SdkFailuresTest {
  private static final String HOST = "oidc.us-east-1.amazonaws.com";
  private static final String SECRET = "client-secret-0123456789";

  private static AwsServiceException serviceError(int status, String code, String message) {
    return AwsServiceException.builder()
        .statusCode(status)
        .message(message)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build())
        .build();
  }

  private static SdkClientException clientError(Throwable cause) {
    return SdkClientException.builder()
        .message("Unable to execute HTTP request: " + cause.getMessage())
        .cause(cause)
        .build();
  }

  private static String message(SdkException e) {
    return failure(e).getMessage();
  }

  private static Failure failure(SdkException e) {
    return SdkFailures.failure(Service.OIDC, "CreateToken", HOST, 1, e, SECRET);
  }

  @Nested
  class ServiceErrors {
    @Test
    void name_the_call_the_error_code_the_status_and_the_host_but_not_the_services_text() {
      Failure f = failure(serviceError(400, "InvalidRequestException", "body says " + SECRET));

      assertEquals(Failure.Kind.AWS_CALL, f.kind());
      assertEquals(
          "CreateToken failed: InvalidRequestException (HTTP 400) from "
              + HOST
              + "; check the start URL and SSO region, then try again",
          f.getMessage());
    }

    @Test
    void advise_waiting_on_throttling_and_on_a_server_error() {
      assertTrue(
          message(serviceError(429, "TooManyRequestsException", "slow down"))
              .endsWith("; the service kept throttling the requests, try again in a few minutes"));
      assertTrue(
          message(serviceError(503, "ServiceUnavailableException", "down"))
              .endsWith("; the service had an internal error, try again later"));
    }

    @Test
    void without_an_error_code_name_the_status_alone() {
      assertTrue(
          message(serviceError(502, null, "<html>bad gateway</html>"))
              .startsWith("CreateToken failed: HTTP 502 from " + HOST + ";"));
    }

    @Test
    void name_the_attempts_when_there_were_several() {
      Failure f =
          SdkFailures.failure(
              Service.PORTAL,
              "ListAccountRoles for account 111111111111",
              "127.0.0.1:8080",
              3,
              serviceError(429, "TooManyRequestsException", "x"),
              SECRET);

      assertTrue(
          f.getMessage()
              .startsWith(
                  "ListAccountRoles for account 111111111111 failed after 3 attempts:"
                      + " TooManyRequestsException (HTTP 429) from 127.0.0.1:8080;"),
          f.getMessage());
    }
  }

  @Nested
  class ClientErrors {
    @Test
    void an_unreadable_answer_names_the_endpoint_variable_of_the_service() {
      SdkClientException e =
          clientError(new JsonParseException(null, "Unexpected end-of-input: " + SECRET));

      assertEquals(
          "CreateToken failed: unreadable answer from "
              + HOST
              + " (not the JSON the service sends); check AWS_ENDPOINT_URL_SSO_OIDC if you set it,"
              + " else try again later",
          message(e));
      assertTrue(
          SdkFailures.failure(Service.PORTAL, "ListAccounts", HOST, 1, e)
              .getMessage()
              .contains("check AWS_ENDPOINT_URL_SSO if you set it"));
    }

    @Test
    void a_network_failure_names_the_innermost_io_exception() {
      SdkClientException e =
          clientError(
              new IOException("Error writing to server", new SocketException("Broken pipe")));

      assertEquals(
          "CreateToken failed: network error reaching "
              + HOST
              + " (SocketException: Broken pipe); check the network connection and the SSO region,"
              + " then try again",
          message(e));
    }

    @Test
    void a_network_message_is_made_safe_scrubbed_and_cut() {
      String hostile = "reset \u001b[2J\u202e by " + SECRET + " " + "x".repeat(400);

      String message = message(clientError(new SocketException(hostile)));

      assertFalse(message.contains(SECRET), message);
      assertEquals(SafeText.line(message), message);
      assertTrue(message.contains("x…"), message);
    }

    @Test
    void anything_else_names_only_the_class_of_the_root_cause() {
      String message =
          message(clientError(new IllegalStateException("{\"accessToken\": \"" + SECRET)));

      assertEquals(
          "CreateToken failed at "
              + HOST
              + ": could not complete the request"
              + " (IllegalStateException)",
          message);
    }

    @Test
    void an_aborted_call_is_an_interruption() {
      AbortedException aborted = AbortedException.builder().message("Thread interrupted").build();

      Failure f = failure(aborted);

      assertEquals(Failure.Kind.INTERRUPTED, f.kind());
      assertSame(aborted, f.getCause());
    }
  }

  @Test
  void the_network_cause_is_the_innermost_io_exception() {
    SocketException inner = new SocketException("Connection reset");
    SdkClientException e = clientError(new IOException("outer", inner));

    assertEquals(Optional.of(inner), SdkFailures.networkCause(e));
    assertEquals(
        Optional.empty(), SdkFailures.networkCause(clientError(new IllegalStateException("x"))));
  }
}
