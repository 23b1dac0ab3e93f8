package dev.origincloudregions.server;

import java.time.Clock;

/**
 * How a server is made from its parts, one factory method per part: the extension seam through which
 * test code plants a defect from outside, since the server that users run holds none.
 *
 * <p>The server always starts with {@code new ServerParts()}, which makes every part as it is. Test
 * code in this package (the never-shipped {@code mutants} module) passes a subclass to the
 * package-private {@link ReferenceServer#start(Options, ServerParts)}, overriding one factory method
 * to return a subclass of that part or, through {@link #around}, a wrapper around the whole API. The
 * parts are non-final for that reason, and the few methods a defect must change are package-private
 * and documented as seams; {@code docs/reference-server.md} (section 10) lists them all. Nothing
 * here changes what the shipped server does, and nothing outside this package can reach it.
 */
class ServerParts {
  /** Credentials [A1, A2]. */
  Authenticator authenticator(String token) {
    return new Authenticator(token);
  }

  /** Request bodies, for both families [E4, BD1, BD2, BU1]. */
  Bodies bodies() {
    return new Bodies();
  }

  /** The mappings of every zone, shared by both families [VS1]. */
  Store store(Catalogue catalogue, Clock clock) {
    return new Store(catalogue, clock);
  }

  /** The v1 family's operations, on {@code store}. */
  V1Operations v1(Store store, Bodies bodies) {
    return new V1Operations(store, bodies);
  }

  /** The v2 family's operations, on {@code store} (the same one as v1's) [VS1]. */
  V2Operations v2(Store store, Bodies bodies) {
    return new V2Operations(store, bodies);
  }

  /**
   * What answers each request: {@code api} itself. A wrapper may rewrite a call before it reaches
   * {@code api}, or an answer after it; {@code router} tells which operation a call names.
   */
  CallHandler around(CallHandler api, Router router) {
    return api;
  }
}
