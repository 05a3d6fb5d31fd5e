package dev.ssoconfig.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ssoconfig.login.TokenCache;
import dev.ssoconfig.portal.RoleCredentials;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The JSON a {@code credential_process} prints, as the AWS CLI and SDKs read it (the AWS SDKs'
 * "process credentials" format; botocore's {@code ProcessProvider}, the SDK for Java's {@code
 * ProcessCredentialsProvider}): {@code Version} 1, {@code AccessKeyId}, {@code SecretAccessKey},
 * {@code SessionToken}, {@code Expiration} (ISO-8601, UTC, whole seconds) and {@code AccountId}.
 */
final class CredentialProcessOutput {
  private static final JsonFactory JSON = new JsonFactory();

  private CredentialProcessOutput() {}

  /**
   * @param credentials the role credentials
   * @return one line of compact JSON, without line terminator
   */
  static String json(RoleCredentials credentials) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(text)) {
      json.writeStartObject();
      json.writeNumberField("Version", 1);
      json.writeStringField("AccessKeyId", credentials.accessKeyId());
      json.writeStringField("SecretAccessKey", credentials.secretAccessKey());
      json.writeStringField("SessionToken", credentials.sessionToken());
      json.writeStringField("Expiration", TokenCache.formatTime(credentials.expiration()));
      json.writeStringField("AccountId", credentials.accountId());
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing JSON to memory", e);
    }
    return text.toString();
  }
}
