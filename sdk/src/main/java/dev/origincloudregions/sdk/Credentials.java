package dev.origincloudregions.sdk;

import feign.RequestTemplate;
import java.util.Objects;

/** How requests authenticate. {@link #toString()} never shows a secret. */
abstract class Credentials {
  static final Credentials NONE =
      new Credentials() {
        @Override
        void apply(RequestTemplate template) {}

        @Override
        public String toString() {
          return "none";
        }
      };

  abstract void apply(RequestTemplate template);

  static Credentials token(String token) {
    String t = secret(token, "apiToken");
    return new Credentials() {
      @Override
      void apply(RequestTemplate template) {
        template.header("Authorization", "Bearer " + t);
      }

      @Override
      public String toString() {
        return "Bearer ****";
      }
    };
  }

  static Credentials emailAndKey(String email, String key) {
    String e = secret(email, "email");
    String k = secret(key, "key");
    return new Credentials() {
      @Override
      void apply(RequestTemplate template) {
        template.header("X-Auth-Email", e);
        template.header("X-Auth-Key", k);
      }

      @Override
      public String toString() {
        return "X-Auth-Email " + e + " + X-Auth-Key ****";
      }
    };
  }

  private static String secret(String value, String name) {
    Objects.requireNonNull(value, name + " == null");
    if (value.isBlank() || value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      // The value itself is not repeated: it may be a secret.
      throw new IllegalArgumentException(name + " must be non-blank printable text");
    }
    return value;
  }
}
