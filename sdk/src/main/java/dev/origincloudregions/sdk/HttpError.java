package dev.origincloudregions.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import feign.codec.ErrorDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A non-2xx answer, as decoded by Feign's error decoder. The retry loop in {@link Caller}
 * turns it into an {@link ApiException} naming the operation, or retries. Carries no stack trace: it
 * never reaches users.
 */
final class HttpError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  /** Error bodies are small envelopes; never read more than this from one. */
  private static final int MAX_ERROR_BODY = 64 * 1024;

  final int status;
  final transient List<ApiError> errors;
  final transient @Nullable Duration retryAfter;

  HttpError(int status, List<ApiError> errors, @Nullable Duration retryAfter) {
    super("HTTP " + status, null, false, false);
    this.status = status;
    this.errors = errors;
    this.retryAfter = retryAfter;
  }

  /** The public exception: its subclass by status and codes, server messages redacted. */
  ApiException toApiException(String operation, @Nullable String cfRay, Credentials credentials) {
    List<ApiError> redacted =
        errors.stream().map(e -> new ApiError(e.code(), credentials.redact(e.message()))).toList();
    return ApiException.of(operation, status, redacted, retryAfter, cfRay == null ? null : credentials.redact(cfRay));
  }

  /** Feign's error decoder: reads the Cloudflare error envelope and the Retry-After header. */
  static final class Decoder implements ErrorDecoder {
    private final ObjectMapper mapper;

    Decoder(ObjectMapper mapper) {
      this.mapper = mapper;
    }

    @Override
    public Exception decode(String methodKey, Response response) {
      byte[] body = null;
      if (response.body() != null) {
        try (InputStream in = response.body().asInputStream()) {
          body = in.readNBytes(MAX_ERROR_BODY);
        } catch (IOException e) {
          body = null; // not readable: the status alone says what happened
        }
      }
      return of(mapper, response.status(), body, response.headers().get("Retry-After"));
    }
  }

  /**
   * A non-2xx answer: its status, the errors of its envelope (none when the body is not one) and its
   * {@code Retry-After}. Shared by Feign's {@link Decoder} and the {@link DirectRoute}s.
   */
  static HttpError of(ObjectMapper mapper, int status, byte @Nullable [] body, @Nullable Collection<String> retryAfter) {
    List<ApiError> errors = List.of();
    if (body != null && body.length > 0) {
      try {
        errors = errors(mapper.readTree(body.length > MAX_ERROR_BODY ? Arrays.copyOf(body, MAX_ERROR_BODY) : body));
      } catch (IOException | RuntimeException e) {
        errors = List.of(); // not an envelope: the status alone says what happened
      }
    }
    return new HttpError(status, errors, retryAfter(retryAfter));
  }

  /** The {@code errors} array of an envelope; entries without an integer code are skipped. */
  private static List<ApiError> errors(@Nullable JsonNode envelope) {
    List<ApiError> out = new ArrayList<>();
    if (envelope != null && envelope.path("errors").isArray()) {
      for (JsonNode e : envelope.path("errors")) {
        if (e.path("code").canConvertToInt()) {
          out.add(new ApiError(e.path("code").asInt(), e.path("message").asText("")));
        }
      }
    }
    return List.copyOf(out);
  }

  /** {@code Retry-After} as delta-seconds or an HTTP date (RFC 9110 section 10.2.3). */
  static @Nullable Duration retryAfter(@Nullable Collection<String> values) {
    if (values == null || values.isEmpty()) {
      return null;
    }
    String value = values.iterator().next().trim();
    if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      // Delta-seconds of any length: beyond a long, the longest Duration (no overflow, no "no header").
      try {
        return Duration.ofSeconds(Long.parseLong(value));
      } catch (NumberFormatException beyondALong) {
        return Duration.ofSeconds(Long.MAX_VALUE);
      }
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
      return d.isNegative() ? Duration.ZERO : d;
    } catch (DateTimeParseException | ArithmeticException notADate) {
      return null;
    }
  }
}
