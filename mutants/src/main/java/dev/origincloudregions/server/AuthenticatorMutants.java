package dev.origincloudregions.server;

/** Defects in the credentials check [A2]. */
final class AuthenticatorMutants {
  private AuthenticatorMutants() {}

  /** {@link Mutant#SKIPS_KEY_CHECK}: X-Auth-Key with any non-empty X-Auth-Email passes, whatever the key. */
  static final class SkipsKeyCheck extends Authenticator {
    SkipsKeyCheck(String token) {
      super(token);
    }

    @Override
    void authenticate(Call call) throws Refusal {
      String email = call.header("X-Auth-Email");
      if (call.header("Authorization") == null && call.header("X-Auth-Key") != null && email != null
          && !email.isBlank()) {
        return;
      }
      super.authenticate(call);
    }
  }
}
