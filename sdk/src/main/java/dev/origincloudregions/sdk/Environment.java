package dev.origincloudregions.sdk;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The environment variables the client reads, as Cloudflare's own SDKs name them, when the builder was
 * not told otherwise: {@code CLOUDFLARE_API_TOKEN}, or {@code CLOUDFLARE_EMAIL} with {@code
 * CLOUDFLARE_API_KEY}; {@code CLOUDFLARE_BASE_URL}; {@code CLOUDFLARE_LOG}. The lookup is a function,
 * so that tests give a map instead of the JVM's environment. Values are trimmed; a blank value counts as
 * unset. No message repeats a secret value.
 */
final class Environment {
  static final String API_TOKEN = "CLOUDFLARE_API_TOKEN";
  static final String EMAIL = "CLOUDFLARE_EMAIL";
  static final String API_KEY = "CLOUDFLARE_API_KEY";
  static final String BASE_URL = "CLOUDFLARE_BASE_URL";
  static final String LOG = "CLOUDFLARE_LOG";

  static final Environment SYSTEM = new Environment(System::getenv);

  private final Function<String, @Nullable String> lookup;

  private Environment(Function<String, @Nullable String> lookup) {
    this.lookup = lookup;
  }

  static Environment of(Map<String, String> variables) {
    Map<String, String> copy = Map.copyOf(variables);
    return new Environment(copy::get);
  }

  /** The trimmed value, or null when unset or blank. */
  @Nullable String get(String name) {
    String value = lookup.apply(name);
    return value == null || value.isBlank() ? null : value.trim();
  }

  /**
   * Credentials from the environment: the token when set (Cloudflare's recommended way, and the one
   * that wins when both forms are set), else the email and key pair.
   *
   * @throws IllegalStateException when neither is complete, naming what is missing
   */
  Credentials credentials() {
    String token = get(API_TOKEN);
    if (token != null) {
      return Credentials.token(token, API_TOKEN);
    }
    String email = get(EMAIL);
    String key = get(API_KEY);
    if (email != null && key != null) {
      return Credentials.emailAndKey(email, EMAIL, key, API_KEY);
    }
    if (email != null || key != null) {
      throw new IllegalStateException(
          "No credentials: " + (email != null ? EMAIL : API_KEY) + " is set but " + (email != null ? API_KEY : EMAIL)
              + " is not; set both, or set " + API_TOKEN + ", or call apiToken(...) or emailAndKey(...)");
    }
    throw new IllegalStateException(
        "No credentials: call apiToken(...) or emailAndKey(...), or set " + API_TOKEN);
  }

  /** Whether {@code CLOUDFLARE_LOG} asks for request logging ({@code debug}). */
  boolean logRequests() {
    String value = get(LOG);
    if (value == null) {
      return false;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "debug" -> true;
      case "off", "error", "warn", "info" -> false;
      default -> throw new IllegalStateException(
          LOG + " must be one of off, error, warn, info or debug (debug logs every request), got '" + value + "'");
    };
  }

  @Override
  public String toString() {
    return this == SYSTEM ? "Environment{system}" : "Environment{given}";
  }
}
