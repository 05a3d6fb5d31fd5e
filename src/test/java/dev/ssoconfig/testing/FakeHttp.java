package dev.ssoconfig.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.io.IOException;
import java.util.List;
import java.util.UUID;

/** Small helpers shared by the fake services: parse requests, build wire-format responses. */
final class FakeHttp {
  static final ObjectMapper JSON = new ObjectMapper();

  private FakeHttp() {}

  /**
   * @return the JSON body as an object node; an empty one if the body is empty or not JSON
   */
  static JsonNode jsonBody(Request request) {
    try {
      JsonNode node = JSON.readTree(request.getBodyAsString());
      return node != null && node.isObject() ? node : JSON.createObjectNode();
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }

  /**
   * @return a text field, or null if absent or not text
   */
  static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }

  /**
   * @return the first value of a decoded query parameter, or null
   */
  static String query(Request request, String name) {
    QueryParameter parameter = request.queryParameter(name);
    return parameter != null && parameter.isPresent() ? parameter.firstValue() : null;
  }

  /** A 200 response with a JSON body, as the REST-JSON services send. */
  static ResponseDefinition json(JsonNode body) {
    return ResponseDefinitionBuilder.responseDefinition()
        .withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withHeader("x-amzn-RequestId", UUID.randomUUID().toString())
        .withBody(body.toString())
        .build();
  }

  /**
   * An OIDC error: HTTP status, {@code x-amzn-ErrorType: <type>} (what the SDK maps to a typed
   * exception) and the OAuth body {@code {"error": ..., "error_description": ...}}.
   */
  static ResponseDefinition oidcError(int status, String type, String error, String description) {
    ObjectNode body = JSON.createObjectNode().put("error", error);
    if (description != null) {
      body.put("error_description", description);
    }
    return error(status, type, body);
  }

  /** A portal (SSO) error: {@code x-amzn-ErrorType: <type>} and {@code {"message": ...}}. */
  static ResponseDefinition portalError(int status, String type, String message) {
    return error(status, type, JSON.createObjectNode().put("message", message));
  }

  private static ResponseDefinition error(int status, String type, JsonNode body) {
    return ResponseDefinitionBuilder.responseDefinition()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withHeader("x-amzn-ErrorType", type)
        .withHeader("x-amzn-RequestId", UUID.randomUUID().toString())
        .withBody(body.toString())
        .build();
  }

  /**
   * The same error answer with the secrets the request carried repeated in its {@code message} (and
   * {@code error_description}, if it has one), labelled: {@code clientSecret=…}, {@code code=…},
   * {@code codeVerifier=…}, {@code deviceCode=…}, {@code refreshToken=…} from the JSON body, {@code
   * x-amz-sso_bearer_token: …} from the header.
   */
  static ResponseDefinition withEchoedSecrets(ResponseDefinition error, Request request) {
    JsonNode body = jsonBody(request);
    StringBuilder echo = new StringBuilder("rejected request:");
    for (String field :
        List.of("clientSecret", "code", "codeVerifier", "deviceCode", "refreshToken")) {
      String value = text(body, field);
      if (value != null) {
        echo.append(' ').append(field).append('=').append(value);
      }
    }
    String bearer = request.getHeader(FakePortalService.BEARER_HEADER);
    if (bearer != null) {
      echo.append(" x-amz-sso_bearer_token: ").append(bearer);
    }
    ObjectNode answer;
    try {
      JsonNode parsed = JSON.readTree(error.getBody());
      answer = parsed != null && parsed.isObject() ? (ObjectNode) parsed : JSON.createObjectNode();
    } catch (IOException notJson) {
      answer = JSON.createObjectNode();
    }
    answer.put("message", echo.toString());
    if (answer.has("error_description")) {
      answer.put("error_description", answer.get("error_description").asText() + "; " + echo);
    }
    return ResponseDefinitionBuilder.like(error).withBody(answer.toString()).build();
  }

  /** A 302 redirect. */
  static ResponseDefinition redirect(String location) {
    return ResponseDefinitionBuilder.responseDefinition()
        .withStatus(302)
        .withHeader("Location", location)
        .withHeader("Cache-Control", "no-store")
        .build();
  }

  /** A response with a fixed content type. */
  static ResponseDefinition body(int status, String contentType, String body) {
    return ResponseDefinitionBuilder.responseDefinition()
        .withStatus(status)
        .withHeader("Content-Type", contentType)
        .withBody(body)
        .build();
  }
}
