package dev.origincloudregions.sdk;

/**
 * Run in a child JVM by {@link BuilderTest} with a controlled environment: builds a client without
 * explicit credentials, so that they come from {@code CLOUDFLARE_API_TOKEN}, and lists a zone of the
 * server given as the only argument. Prints one line: {@code sent}, or the exception's class and
 * message (exit status 3).
 */
@SuppressWarnings("deprecation") // drives the v1 family, deprecated in the SDK as in the API
final class EnvCredentialsProbe {
  private EnvCredentialsProbe() {}

  public static void main(String[] args) {
    try {
      OriginCloudRegions.builder().baseUrl(args[0]).retryPolicy(RetryPolicy.NONE).build().v1().list(Fixtures.ZONE);
      System.out.println("sent");
    } catch (RuntimeException e) {
      System.out.println(e.getClass().getSimpleName() + ": " + e.getMessage());
      System.exit(3);
    }
  }
}
