package dev.ssoconfig.testing;

/** What the fake answers to one device-code CreateToken poll. */
public enum DevicePoll {
  /** 400 {@code AuthorizationPendingException}: the person has not approved yet. */
  PENDING,
  /** 400 {@code SlowDownException}: poll less often (the client adds 5 s). */
  SLOW_DOWN,
  /** The person approved: an access token (and a refresh token) is issued. */
  APPROVED,
  /** 400 {@code ExpiredTokenException}: the device code expired. */
  EXPIRED,
  /** 400 {@code AccessDeniedException}: the person denied the request. */
  DENIED
}
