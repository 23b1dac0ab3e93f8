package dev.origincloudregions.sdk;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The zone cannot take another mapping: code 1164 (403), it holds 3,500 already. Nothing was changed;
 * replacing existing mappings is still allowed.
 *
 * <p>{@code bulkPutAll}, v1's {@code bulkUpsertAll} and {@code sync} also throw it before sending
 * anything, when their own check finds that the new mappings would not fit (see {@link
 * OriginCloudRegions.Builder#zoneLimitCheck(boolean)}): then {@link #checkedBeforeSending()} is true,
 * {@link #status()} is 403 and {@link #errors()} holds one code 1164 that says why, as the server would,
 * and there is no {@link #cfRay()}.
 */
public final class ZoneFullException extends ApiException {
  private static final long serialVersionUID = 1L;

  private final boolean checkedBeforeSending;

  ZoneFullException(String operation, int status, List<ApiError> errors, @Nullable String cfRay) {
    super(describe(operation, status, errors, cfRay), status, errors, null, cfRay);
    this.checkedBeforeSending = false;
  }

  /** The client's own refusal, made before sending anything: {@code why} is the message's reason. */
  private ZoneFullException(String operation, String why) {
    super(operation + ": zone full: " + why, 403, List.of(new ApiError(1164, why)), null, null);
    this.checkedBeforeSending = true;
  }

  static ZoneFullException beforeSending(String operation, String why) {
    return new ZoneFullException(operation, why);
  }

  /**
   * Whether the client refused the call itself, before sending anything, rather than the server (see the
   * class description).
   */
  public boolean checkedBeforeSending() {
    return checkedBeforeSending;
  }
}
