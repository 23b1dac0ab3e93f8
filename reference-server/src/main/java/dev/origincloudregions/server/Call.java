package dev.origincloudregions.server;

import java.io.IOException;

/** One HTTP request, as the API needs to see it, free of any HTTP library ({@link ApiHandler} adapts Jetty's). */
interface Call {
  String method();

  /** The raw (still percent-encoded) path, without the query. */
  String path();

  /** The raw (still percent-encoded) query, without the {@code ?}, or null when the URI has none. */
  String query();

  /** The first value of a header, or null. */
  String header(String name);

  /** The declared {@code Content-Length}, or -1 when none was declared (chunked, or no body). */
  long declaredLength();

  /** Reads the body; null when it holds more than {@code limit} bytes (reading stops there). */
  byte[] readBody(int limit) throws IOException;
}
