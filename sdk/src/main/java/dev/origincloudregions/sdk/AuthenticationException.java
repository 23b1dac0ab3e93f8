package dev.origincloudregions.sdk;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The credentials were missing, wrong or not allowed to do this: 401, or code 10000 (Cloudflare answers
 * 400, 401 or 403 with it). Retrying does not help; check the token and its permissions.
 */
public final class AuthenticationException extends ApiException {
  private static final long serialVersionUID = 1L;

  AuthenticationException(String operation, int status, List<ApiError> errors, @Nullable String cfRay) {
    super(describe(operation, status, errors, cfRay), status, errors, null, cfRay);
  }
}
