package dev.origincloudregions.sdk;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The SDK's version, from the {@code version.properties} resource the build filters. */
final class Versions {
  private Versions() {}

  static String sdk() {
    try (InputStream in = Versions.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "unknown").trim();
      return v.isEmpty() || v.startsWith("${") ? "unknown" : v;
    } catch (IOException e) {
      return "unknown";
    }
  }
}
