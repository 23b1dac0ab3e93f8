package dev.origincloudregions.sdk;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The server refused the request as invalid: 400 not covered by a more specific subclass, for example
 * 1145 (the mapping exists already: v1 {@code create}), 1146 (invalid IP, or {@code put}'s body and path
 * disagree), 1157 (vendor or region not supported). Sending it again does not help.
 */
public final class InvalidRequestException extends ApiException {
  private static final long serialVersionUID = 1L;

  InvalidRequestException(String operation, List<ApiError> errors, @Nullable String cfRay) {
    super(describe(operation, 400, errors, cfRay), 400, errors, null, cfRay);
  }
}
