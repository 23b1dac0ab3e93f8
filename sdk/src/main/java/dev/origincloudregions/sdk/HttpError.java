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

  ApiException toApiException(String operation) {
    return new ApiException(operation, status, errors, retryAfter);
  }

  /** Feign's error decoder: reads the Cloudflare error envelope and the Retry-After header. */
  static final class Decoder implements ErrorDecoder {
    private final ObjectMapper mapper;

    Decoder(ObjectMapper mapper) {
      this.mapper = mapper;
    }

    @Override
    public Exception decode(String methodKey, Response response) {
      return new HttpError(
          response.status(), readErrors(response), retryAfter(response.headers().get("Retry-After")));
    }

    private List<ApiError> readErrors(Response response) {
      if (response.body() == null) {
        return List.of();
      }
      try (InputStream in = response.body().asInputStream()) {
        return errors(mapper.readTree(in.readNBytes(MAX_ERROR_BODY)));
      } catch (IOException | RuntimeException e) {
        return List.of(); // not an envelope: the status alone says what happened
      }
    }
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
    try {
      long seconds = Long.parseLong(value);
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
        return d.isNegative() ? Duration.ZERO : d;
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }
}
