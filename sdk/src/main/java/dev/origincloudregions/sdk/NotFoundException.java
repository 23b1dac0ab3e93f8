package dev.origincloudregions.sdk;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The mapping does not exist: 404, or code 1142 ({@code get}, {@code delete}).
 *
 * <p>When an earlier attempt of the same {@code delete} call got no answer (connection lost, timeout,
 * 5xx), that attempt may have deleted the mapping, and the 404 of the retry is its trace, not proof that
 * the mapping never existed: {@link #possiblyDeletedByEarlierAttempt()} is then true.
 */
public final class NotFoundException extends ApiException {
  private static final long serialVersionUID = 1L;

  private final boolean possiblyDeletedByEarlierAttempt;

  NotFoundException(String operation, int status, List<ApiError> errors, @Nullable String cfRay,
      boolean possiblyDeletedByEarlierAttempt) {
    super(describe(operation, status, errors, cfRay)
            + (possiblyDeletedByEarlierAttempt
                ? "; an earlier attempt of this call got no answer and may have deleted it"
                : ""),
        status, errors, null, cfRay);
    this.possiblyDeletedByEarlierAttempt = possiblyDeletedByEarlierAttempt;
  }

  /**
   * A delete's final refusal after an attempt whose outcome is unknown: a not-found is marked {@link
   * #possiblyDeletedByEarlierAttempt()}, anything else is returned as it is.
   */
  static ApiException afterLostDelete(String operation, ApiException refusal) {
    return refusal instanceof NotFoundException n
        ? new NotFoundException(operation, n.status(), n.errors(), n.cfRay().orElse(null), true)
        : refusal;
  }

  /**
   * Whether an earlier attempt of this call, whose answer never arrived, may have deleted the mapping:
   * true only for a retried {@code delete}.
   */
  public boolean possiblyDeletedByEarlierAttempt() {
    return possiblyDeletedByEarlierAttempt;
  }
}
