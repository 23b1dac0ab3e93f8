package dev.origincloudregions.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.origincloudregions.conformance.http.HttpTarget;
import dev.origincloudregions.server.Mutant;
import dev.origincloudregions.server.Options;
import dev.origincloudregions.server.ReferenceServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * No output of a run holds the secret: not the console, nor any report or case file. Not the secret, not any
 * 8-character piece of it (the token minus its last character has them all), not its Base64 (a Basic header), URL
 * or hex encoding. The target here is the reference server echoing the credential in its error messages, behind a
 * proxy that adds the Base64, URL and hex encodings of the Authorization header to every error message: the
 * wrong-credential checks and A3 fail, and their evidence is full of the secret.
 */
class NoSecretInAnyOutputTest {
  static final String TOKEN = "s3cr3t+T0k/n=Xq7~Zw9_Vb2-Rt5.Lm8+Yp4/Hd6=Kj1";

  @Test
  @DisplayName("A3 and point 4: console, summary, JUnit, JSON lines, HTML and case files hold no trace of the token")
  void noOutputHoldsTheSecret() throws Exception {
    try (ReferenceServer server = Mutant.TOKEN_ECHOED_IN_ERROR.start(Options.defaults().token(TOKEN).requestLog(l -> { }))) {
      HttpServer proxy = echoingProxy(server.baseUrl());
      try {
        Path dir = Path.of("target", "no-secret");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ConformanceRunner.run(new String[] {"--base-url", "http://127.0.0.1:" + proxy.getAddress().getPort()
            + "/client/v4", "--token", TOKEN, "--tries", "4", "--seed", "3", "--report-dir", dir.toString(),
            "--checks", "A1,A2,A3,BD1,invalid-text-refused"}, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
        String console = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(console).isEqualTo(1);
        assertThat(console).as("A3 is reported broken").contains("<- A3");
        List<String> outputs = new ArrayList<>();
        outputs.add(console);
        try (Stream<Path> files = Files.walk(dir)) {
          for (Path f : files.filter(Files::isRegularFile).toList()) {
            outputs.add(f + "\n" + Files.readString(f));
          }
        }
        assertThat(outputs).as("console and report files").hasSizeGreaterThanOrEqualTo(5);
        for (String o : outputs) {
          assertNoTrace(o);
        }
        String summary = Files.readString(dir.resolve("summary.txt"));
        assertThat(summary).as("the replay block says what to export")
            .contains("# export CLOUDFLARE_API_TOKEN=... first").contains("${CLOUDFLARE_API_TOKEN");
      } finally {
        proxy.stop(0);
      }
    }
  }

  /** The secret, every 8-character piece, and the encodings of texts that hold it. */
  static void assertNoTrace(String output) {
    String where = output.lines().findFirst().orElse("");
    for (int i = 0; i + 8 <= TOKEN.length(); i++) {
      assertThat(output).as("%s holds a piece of the token", where).doesNotContain(TOKEN.substring(i, i + 8));
    }
    for (String text : List.of(TOKEN, "Bearer " + TOKEN, "conformance:" + TOKEN)) {
      byte[] b = text.getBytes(StandardCharsets.UTF_8);
      for (String enc : List.of(Base64.getEncoder().encodeToString(b), Base64.getUrlEncoder().encodeToString(b),
          URLEncoder.encode(text, StandardCharsets.UTF_8), HexFormat.of().formatHex(b),
          HexFormat.of().formatHex(b).toUpperCase(Locale.ROOT))) {
        assertThat(output).as("%s holds an encoding of %s", where, text).doesNotContain(enc.substring(4, 20));
      }
    }
    // Any Base64-looking run, decoded at every offset, holds no piece of the token.
    Matcher m = Pattern.compile("[A-Za-z0-9+/_-]{16,}").matcher(output);
    while (m.find()) {
      String run = m.group().replace('-', '+').replace('_', '/');
      for (int k = 0; k < 4; k++) {
        String part = run.substring(k);
        part = part.substring(0, part.length() - part.length() % 4);
        try {
          String decoded = new String(Base64.getDecoder().decode(part), StandardCharsets.ISO_8859_1);
          for (int i = 0; i + 8 <= TOKEN.length(); i++) {
            assertThat(decoded).as("%s: Base64 run %s decodes to a piece of the token", where, m.group())
                .doesNotContain(TOKEN.substring(i, i + 8));
          }
        } catch (IllegalArgumentException e) {
          // not Base64
        }
      }
    }
  }

  /** Forwards to the server; every error message gets the Base64, URL and hex forms of the Authorization header. */
  static HttpServer echoingProxy(URI target) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    HttpServer proxy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    Set<String> restricted = Set.of("host", "content-length", "connection", "expect", "upgrade");
    proxy.createContext("/", ex -> {
      byte[] body = ex.getRequestBody().readAllBytes();
      String rest = ex.getRequestURI().getRawPath().substring("/client/v4".length())
          + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery());
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(target + rest))
          .method(ex.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofByteArray(body));
      ex.getRequestHeaders().forEach((k, vs) -> {
        if (!restricted.contains(k.toLowerCase(Locale.ROOT))) {
          vs.forEach(v -> b.header(k, v));
        }
      });
      byte[] answer;
      int status;
      try {
        HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        status = r.statusCode();
        answer = r.body();
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (status >= 400 && auth != null) {
          JsonNode j = HttpTarget.JSON.readTree(answer);
          if (j.path("errors").path(0) instanceof ObjectNode e) {
            byte[] a = auth.getBytes(StandardCharsets.UTF_8);
            e.put("message", e.path("message").asText() + " [b64 " + Base64.getEncoder().encodeToString(a) + ", url "
                + URLEncoder.encode(auth, StandardCharsets.UTF_8) + ", hex " + HexFormat.of().formatHex(a) + "]");
            answer = HttpTarget.JSON.writeValueAsBytes(j);
          }
        }
      } catch (Exception e) {
        status = 502;
        answer = "{}".getBytes(StandardCharsets.UTF_8);
      }
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(status, answer.length);
      ex.getResponseBody().write(answer);
      ex.close();
    });
    proxy.start();
    return proxy;
  }
}
