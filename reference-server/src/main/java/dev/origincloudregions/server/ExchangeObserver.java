package dev.origincloudregions.server;

/** Sees every answer the server sends, just before it leaves. Package-private: for tests. */
@FunctionalInterface
interface ExchangeObserver {
  ExchangeObserver NONE = (method, rawPath, status, contentType, body) -> { };

  /**
   * @param method the request method
   * @param rawPath the request path as sent (percent-encoded, without the query), or null when Jetty
   *     could not parse the request
   */
  void exchanged(String method, String rawPath, int status, String contentType, byte[] body);
}
