package dev.origincloudregions.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Judges a request's credentials against the one configured secret [A1, A2]: accepted as a Bearer
 * token, or as {@code X-Auth-Key} with a non-empty {@code X-Auth-Email}. No credential at all answers
 * 401; a credential that does not match answers 403; both with code 10000 and Cloudflare's
 * "Authentication error", which never says which part was wrong. {@code Authorization}, when present,
 * is the one judged. The secret is compared in constant time and never written anywhere [A3].
 *
 * <p>Not final: {@link #authenticate} is a seam ({@link ServerParts}).
 */
class Authenticator {
  private final byte[] secret;

  Authenticator(String token) {
    this.secret = token.getBytes(StandardCharsets.UTF_8);
  }

  /** Returns when the request presents the secret; otherwise refuses it with 401 or 403. Seam. */
  void authenticate(Call call) throws Refusal {
    String authorization = call.header("Authorization");
    if (authorization != null) {
      String presented = bearerToken(authorization);
      if (presented == null || !matchesSecret(presented)) {
        throw new Refusal(Reply.error(403, 10000, Errors.AUTH_MESSAGE));
      }
      return;
    }
    String key = call.header("X-Auth-Key");
    if (key != null) {
      String email = call.header("X-Auth-Email");
      boolean emailGiven = email != null && !email.isBlank();
      if (!emailGiven || !matchesSecret(key)) {
        throw new Refusal(Reply.error(403, 10000, Errors.AUTH_MESSAGE));
      }
      return;
    }
    throw new Refusal(Reply.error(401, 10000, Errors.AUTH_MESSAGE)
        .withAuthenticate("Bearer realm=\"origin-cloud-regions\""));
  }

  private static String bearerToken(String authorization) {
    String value = authorization.strip();
    if (value.length() < 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    return value.substring(7).strip();
  }

  private boolean matchesSecret(String presented) {
    return MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), secret);
  }
}
