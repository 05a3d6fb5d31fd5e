package dev.ssoconfig.portal;

/**
 * The pace of the portal calls at one moment, for progress reports.
 *
 * @param callsPerSecond successful calls in the last second
 * @param throttled whether the portal throttled a call in the last second (the pace is being
 *     lowered)
 * @param calls successful calls since the listing began
 * @param throttles throttled calls (HTTP 429) since the listing began; each was tried again
 */
public record PaceSnapshot(double callsPerSecond, boolean throttled, long calls, long throttles) {}
