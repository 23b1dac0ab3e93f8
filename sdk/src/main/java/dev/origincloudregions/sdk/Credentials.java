package dev.origincloudregions.sdk;

import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;

/** How requests authenticate. {@link #toString()} never shows a secret. */
abstract class Credentials {
  static final Credentials NONE =
      new Credentials() {
        @Override
        void apply(BiConsumer<String, String> header) {}

        @Override
        public String toString() {
          return "none";
        }
      };

  /** Adds the authentication headers to a request, through {@code header.accept(name, value)}. */
  abstract void apply(BiConsumer<String, String> header);

  /** The secrets, for {@link #redact}. */
  List<String> secrets() {
    return List.of();
  }

  /**
   * {@code text} with every secret these credentials hold replaced by {@code ****}: a server that echoes
   * a header into an error message cannot leak it into an exception, a log or a screen. Secrets shorter
   * than {@value #SHORTEST_REDACTED} characters are left alone (they would match ordinary text).
   */
  String redact(String text) {
    String out = text;
    for (String secret : secrets()) {
      if (secret.length() >= SHORTEST_REDACTED && out.contains(secret)) {
        out = out.replace(secret, "****");
      }
    }
    return out;
  }

  static final int SHORTEST_REDACTED = 6;

  static Credentials token(String token) {
    return token(token, "apiToken");
  }

  /** A token; {@code name} says where it came from, for the error message. */
  static Credentials token(String token, String name) {
    String t = secret(token, name);
    return new Credentials() {
      @Override
      void apply(BiConsumer<String, String> header) {
        header.accept("Authorization", "Bearer " + t);
      }

      @Override
      List<String> secrets() {
        return List.of(t);
      }

      @Override
      public String toString() {
        return "Bearer ****";
      }
    };
  }

  static Credentials emailAndKey(String email, String key) {
    return emailAndKey(email, "email", key, "key");
  }

  /** An email and key pair; the names say where they came from, for the error message. */
  static Credentials emailAndKey(String email, String emailName, String key, String keyName) {
    String e = secret(email, emailName);
    String k = secret(key, keyName);
    return new Credentials() {
      @Override
      void apply(BiConsumer<String, String> header) {
        header.accept("X-Auth-Email", e);
        header.accept("X-Auth-Key", k);
      }

      @Override
      List<String> secrets() {
        return List.of(k);
      }

      @Override
      public String toString() {
        return "X-Auth-Email " + e + " + X-Auth-Key ****";
      }
    };
  }

  /**
   * Refuses anything but visible ASCII, at build time. Other text cannot be a Cloudflare credential and
   * would fail late and leak: the JDK's HTTP client rejects a header value above U+00FF with an
   * IllegalArgumentException that quotes the value (so the secret) on every call, and sends Latin-1
   * letters as single bytes the server decodes differently. The value itself is never repeated here.
   */
  private static String secret(String value, String name) {
    Objects.requireNonNull(value, name + " == null");
    if (value.isEmpty() || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException(
          name + " must be printable ASCII without spaces or line breaks (the value is not shown)");
    }
    return value;
  }
}
