package dev.origincloudregions.sdk;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The server refused the request: an HTTP error status, or a body with {@code "success": false}.
 *
 * <p>The message names the operation, the HTTP status, every {@code code message} pair and Cloudflare's
 * request id, for example {@code "bulkDelete: HTTP 400 [1191 A batch holds at most 100 items] (cf-ray
 * 8a1b2c3d4e5f6789-AMS)"}. The server's messages are quoted as sent, except that any credential the
 * client holds is replaced by {@code ****} (a server that echoes a header back cannot leak it into logs).
 *
 * <p>The cases callers branch on have their own subclass, chosen from the status and the error codes:
 *
 * <ul>
 *   <li>{@link RateLimitedException}: 429, or the client's own rate limiter would wait too long.
 *   <li>{@link ZoneFullException}: code 1164, the zone holds 3,500 mappings.
 *   <li>{@link AuthenticationException}: 401, or code 10000.
 *   <li>{@link NotFoundException}: 404, or code 1142.
 *   <li>{@link InvalidRequestException}: any other 400 (1145 "already exists", 1146 invalid IP, 1157
 *       unsupported vendor or region, ...).
 * </ul>
 *
 * Anything else (other 4xx, 5xx) is a plain {@code ApiException}.
 */
public sealed class ApiException extends OriginCloudRegionsException
    permits AuthenticationException, InvalidRequestException, NotFoundException, RateLimitedException,
        ZoneFullException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final List<ApiError> errors;
  private final @Nullable Duration retryAfter;
  private final @Nullable String cfRay;

  /** {@code message} is the whole message: see {@link #describe}. */
  ApiException(String message, int status, List<ApiError> errors, @Nullable Duration retryAfter,
      @Nullable String cfRay) {
    super(message, null);
    this.status = status;
    this.errors = List.copyOf(errors);
    this.retryAfter = retryAfter;
    this.cfRay = cfRay;
  }

  /** The standard message: operation, status, errors and cf-ray. */
  static String describe(String operation, int status, List<ApiError> errors, @Nullable String cfRay) {
    return operation + ": HTTP " + status + " " + errors + (cfRay == null ? "" : " (cf-ray " + cfRay + ")");
  }

  /**
   * The exception for an answer, of the subclass its status and codes call for (see the class
   * description).
   */
  static ApiException of(String operation, int status, List<ApiError> errors, @Nullable Duration retryAfter,
      @Nullable String cfRay) {
    if (status == 429) {
      return new RateLimitedException(operation, errors, retryAfter, cfRay);
    }
    if (has(errors, 1164)) {
      return new ZoneFullException(operation, status, errors, cfRay);
    }
    if (status == 401 || has(errors, 10000)) {
      return new AuthenticationException(operation, status, errors, cfRay);
    }
    if (status == 404 || has(errors, 1142)) {
      return new NotFoundException(operation, status, errors, cfRay, false);
    }
    if (status == 400) {
      return new InvalidRequestException(operation, errors, cfRay);
    }
    return new ApiException(describe(operation, status, errors, cfRay), status, errors, retryAfter, cfRay);
  }

  private static boolean has(List<ApiError> errors, int code) {
    return errors.stream().anyMatch(e -> e.code() == code);
  }

  /** The HTTP status code, for example 400, 404 or 429. */
  public int status() {
    return status;
  }

  /** Every error the envelope held; empty when the body was not an error envelope. */
  public List<ApiError> errors() {
    return errors;
  }

  /** Whether any error has this code. */
  public boolean hasCode(int code) {
    return has(errors, code);
  }

  /** The server's {@code Retry-After}, if it sent one. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /**
   * Cloudflare's id of the request, the answer's {@code cf-ray} header (for example {@code
   * 8a1b2c3d4e5f6789-AMS}), which Cloudflare's support asks for; empty when the answer had none.
   */
  public Optional<String> cfRay() {
    return Optional.ofNullable(cfRay);
  }
}
