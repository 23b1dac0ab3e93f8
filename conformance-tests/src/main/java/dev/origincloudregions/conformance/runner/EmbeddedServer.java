package dev.origincloudregions.conformance.runner;

import dev.origincloudregions.server.Options;
import dev.origincloudregions.server.ReferenceServer;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The reference server, started in-process on a free loopback port with a random token when no base URL is given.
 * Its request log is watched for the token (A3).
 */
public final class EmbeddedServer implements AutoCloseable {
  private final ReferenceServer server;
  public final List<String> tokenLines = Collections.synchronizedList(new ArrayList<>());

  private EmbeddedServer() {
    String token = randomToken();
    this.server = ReferenceServer.start(Options.defaults().token(token).requestLog(line -> {
      if (line.contains(token)) {
        tokenLines.add(line);
      }
    }));
  }

  public static EmbeddedServer start() {
    return new EmbeddedServer();
  }

  public String baseUrl() {
    return server.baseUrl().toString();
  }

  public String token() {
    return server.token();
  }

  private static String randomToken() {
    SecureRandom r = new SecureRandom();
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  @Override
  public void close() {
    server.close();
  }
}
