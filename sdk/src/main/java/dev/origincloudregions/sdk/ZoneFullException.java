package dev.origincloudregions.sdk;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The zone cannot take another mapping: code 1164 (403), it holds 3,500 already. Nothing was changed;
 * replacing existing mappings is still allowed.
 */
public final class ZoneFullException extends ApiException {
  private static final long serialVersionUID = 1L;

  ZoneFullException(String operation, int status, List<ApiError> errors, @Nullable String cfRay) {
    super(describe(operation, status, errors, cfRay), status, errors, null, cfRay);
  }
}
