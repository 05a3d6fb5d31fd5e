package dev.ssoconfig.testing;

/**
 * How the fake refuses a client registration it was told to reject (see {@link
 * FakeIdentityCenter#rejectClient} and {@link FakeIdentityCenter#rejectEveryClient}), with the
 * status and error type of the IAM Identity Center OIDC API model.
 */
public enum ClientRejection {
  /** 401 {@code InvalidClientException}: the client ID or secret is invalid, e.g. expired. */
  INVALID_CLIENT(401, "InvalidClientException", "invalid_client", "Invalid client"),
  /** 400 {@code UnauthorizedClientException}: the client may not make this request. */
  UNAUTHORIZED_CLIENT(
      400, "UnauthorizedClientException", "unauthorized_client", "Client is not authorized");

  final int status;
  final String type;
  final String error;
  final String description;

  ClientRejection(int status, String type, String error, String description) {
    this.status = status;
    this.type = type;
    this.error = error;
    this.description = description;
  }

  /**
   * @return the error type the fake answers with, e.g. {@code InvalidClientException}
   */
  public String type() {
    return type;
  }
}
