package dev.origincloudregions.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The target's credentials (A1): an API token sent as {@code Authorization: Bearer}, or an email and key sent as
 * {@code X-Auth-Email} and {@code X-Auth-Key}. Secrets are never printed: {@link #scrub} replaces them with the
 * environment variable a reader should use instead.
 */
final class Credentials {
  static final String TOKEN_VAR = "$CLOUDFLARE_API_TOKEN";
  static final String KEY_VAR = "$CLOUDFLARE_API_KEY";
  static final String EMAIL_VAR = "$CLOUDFLARE_EMAIL";

  final String token;
  final String email;
  final String key;

  private Credentials(String token, String email, String key) {
    this.token = token;
    this.email = email;
    this.key = key;
  }

  static Credentials token(String token) {
    return new Credentials(token, null, null);
  }

  static Credentials emailAndKey(String email, String key) {
    return new Credentials(null, email, key);
  }

  boolean usesToken() {
    return token != null;
  }

  /** The one secret the target knows: the token, or the key. */
  String secret() {
    return token != null ? token : key;
  }

  List<Map.Entry<String, String>> headers() {
    List<Map.Entry<String, String>> h = new ArrayList<>();
    if (token != null) {
      h.add(Map.entry("Authorization", "Bearer " + token));
    } else {
      h.add(Map.entry("X-Auth-Email", email));
      h.add(Map.entry("X-Auth-Key", key));
    }
    return h;
  }

  /** Shorter secrets occur by chance in any text, so they are not searched for (A3) or replaced inside text. */
  static final int SEARCHABLE_LENGTH = 8;

  boolean searchable() {
    return secret().length() >= SEARCHABLE_LENGTH;
  }

  /** Replaces every secret in {@code text} by the name of the environment variable that holds it. */
  String scrub(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    if (token != null && token.length() >= SEARCHABLE_LENGTH) {
      out = out.replace(token, TOKEN_VAR);
    }
    if (key != null && key.length() >= SEARCHABLE_LENGTH) {
      out = out.replace(key, KEY_VAR);
    }
    if (email != null && email.length() >= SEARCHABLE_LENGTH) {
      out = out.replace(email, EMAIL_VAR);
    }
    return out;
  }

  /** A request header with its credential replaced: exact credential headers always, secrets inside others. */
  String scrubHeader(String name, String value) {
    if (token != null && name.equalsIgnoreCase("Authorization") && value.equals("Bearer " + token)) {
      return "Bearer " + TOKEN_VAR;
    }
    if (name.equalsIgnoreCase("X-Auth-Key") && (value.equals(key) || value.equals(token))) {
      return value.equals(key) ? KEY_VAR : TOKEN_VAR;
    }
    if (name.equalsIgnoreCase("X-Auth-Email") && value.equals(email)) {
      return EMAIL_VAR;
    }
    return scrub(value);
  }

  /** True when {@code text} contains a (searchable) secret. */
  boolean leaks(String text) {
    return text != null && searchable() && text.contains(secret());
  }
}
