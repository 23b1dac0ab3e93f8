package dev.origincloudregions.sdk;

import java.util.List;

/**
 * Run in a child JVM by {@link DiagnosticsTest}: builds a client and makes three calls against the
 * server given as the only argument, then prints {@code done}. Anything else in its output was printed
 * by the SDK or a library it loaded.
 */
final class QuietProbe {
  private QuietProbe() {}

  public static void main(String[] args) {
    OriginCloudRegions client =
        OriginCloudRegions.builder().baseUrl(args[0]).apiToken(Fixtures.TOKEN).retryPolicy(RetryPolicy.NONE).build();
    client.listPage(Fixtures.ZONE, 1, 20);
    client.bulkDelete(Fixtures.ZONE, List.of("192.0.2.1"));
    try {
      client.get(Fixtures.ZONE, "192.0.2.1");
    } catch (ApiException expected) {
      // a 404: errors print nothing either
    }
    System.out.println("done");
  }
}
