package dev.origincloudregions.server;

import static dev.origincloudregions.server.Defect.SKIPS_KEY_CHECK;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * Judges a request's credentials against the one configured secret [A1, A2]: accepted as a Bearer
 * token, or as {@code X-Auth-Key} with a non-empty {@code X-Auth-Email}. No credential at all answers
 * 401; a credential that does not match answers 403; both with code 10000 and Cloudflare's
 * "Authentication error", which never says which part was wrong. {@code Authorization}, when present,
 * is the one judged. The secret is compared in constant time and never written anywhere [A3].
 */
final class Authenticator {
  private final byte[] secret;
  private final Set<Defect> defects;

  Authenticator(String token, Set<Defect> defects) {
    this.secret = token.getBytes(StandardCharsets.UTF_8);
    this.defects = defects;
  }

  /** Returns when the request presents the secret; otherwise refuses it with 401 or 403. */
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
      if (defects.contains(SKIPS_KEY_CHECK) && emailGiven) {
        return;
      }
      if (!emailGiven || !matchesSecret(key)) {
        throw new Refusal(Reply.error(403, 10000, Errors.AUTH_MESSAGE));
      }
      return;
    }
    throw new Refusal(Reply.error(401, 10000, Errors.AUTH_MESSAGE)
        .withAuthenticate("Bearer realm=\"origin-cloud-regions\""));
  }

  /** The credential a request presented, as sent (used only by {@link Defect#TOKEN_ECHOED_IN_ERROR}). */
  static String presentedCredential(Call call) {
    String authorization = call.header("Authorization");
    return authorization != null ? authorization : call.header("X-Auth-Key");
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
