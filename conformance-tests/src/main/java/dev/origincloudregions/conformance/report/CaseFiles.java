package dev.origincloudregions.conformance.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.origincloudregions.conformance.CheckResult;
import dev.origincloudregions.conformance.RunResult;
import dev.origincloudregions.conformance.checks.Replay;
import dev.origincloudregions.conformance.http.Curl;
import dev.origincloudregions.conformance.http.Exchange;
import dev.origincloudregions.conformance.http.HttpTarget;
import dev.origincloudregions.conformance.http.Recorder;
import dev.origincloudregions.conformance.runner.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Case files: each failure saved as {@code <report-dir>/cases/<check>.json} with the rules it broke, the seed, the
 * shrunk input, the exact request sequence (credentials as placeholders; housekeeping requests marked), what was
 * expected, and the answers received. {@code --replay} reads them back ({@link Replay}).
 */
public final class CaseFiles {
  static final String DIR = "cases";

  /**
   * Inputs are written with their Java types, so that a replay gets the very value back; only the suite's own
   * types, collections and boxed values may be read.
   */
  static final ObjectMapper TYPED = JsonMapper.builder()
      .activateDefaultTyping(BasicPolymorphicTypeValidator.builder()
          .allowIfSubType("dev.origincloudregions.conformance.").allowIfSubType("java.util.ArrayList")
          .allowIfSubType("java.util.LinkedList").allowIfSubType("java.util.LinkedHashSet")
          .allowIfSubType("java.util.HashSet").allowIfSubType("java.util.TreeSet")
          .allowIfSubType("java.util.LinkedHashMap").allowIfSubType("java.util.HashMap")
          .allowIfSubType("java.lang.").allowIfSubTypeIsArray().build(), ObjectMapper.DefaultTyping.EVERYTHING)
      .build();

  private CaseFiles() {}

  /** A case read back for replay. */
  public record Case(Path file, String check, String profile, long seed, Object input, int failedAt,
      List<Recorder.Expected> requests, String expected) {}

  /** Writes a case file for every failure that has one; returns the results with their case file named. */
  public static List<CheckResult> write(RunResult r, Path reportDir, Recorder paths, String baseUrl,
      UnaryOperator<String> redact) {
    List<CheckResult> out = new ArrayList<>();
    for (CheckResult c : r.results()) {
      if (c.failure() == null) {
        out.add(c);
        continue;
      }
      String rel = DIR + "/" + c.name() + ".json";
      try {
        Files.createDirectories(reportDir.resolve(DIR));
        String json = HttpTarget.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node(r, c, paths, baseUrl, redact));
        Files.writeString(reportDir.resolve(rel), redact.apply(json), StandardCharsets.UTF_8);
        out.add(c.withCaseFile(rel));
      } catch (IOException | RuntimeException e) {
        // The reports must still be written: the failure is there, without its case file.
        out.add(c.withStatus(c.status(), c.message() + "\n(no case file: " + e.getMessage() + ")"));
      }
    }
    return out;
  }

  private static ObjectNode node(RunResult r, CheckResult c, Recorder paths, String baseUrl,
      UnaryOperator<String> redact) throws IOException {
    ObjectNode n = HttpTarget.JSON.createObjectNode();
    n.put("check", c.name());
    n.put("title", c.title());
    ArrayNode broken = n.putArray("rules_broken");
    c.broken().forEach(b -> broken.add(b.toString()));
    n.putPOJO("covers", c.rules());
    n.put("profile", r.profile());
    n.put("seed", c.seed());
    n.put("suite_version", r.version());
    n.put("target", r.target());
    n.put("recorded", r.startedAt().toString());
    n.put("expected", c.message());
    n.put("counterexample", c.counterexample());
    n.set("input", c.failure().input() == null ? null
        : HttpTarget.JSON.readTree(TYPED.writeValueAsString(new Input(c.failure().input()))));
    n.put("failed_at", c.failure().failedAt());
    n.put("replay", "java -jar conformance.jar --replay " + DIR + "/" + c.name() + ".json --base-url <URL> "
        + "--token \"$CLOUDFLARE_API_TOKEN\"  (re-sends these requests and judges them again)");
    ArrayNode requests = n.putArray("requests");
    for (Recorder.Entry e : c.failure().trace()) {
      Exchange ex = e.exchange();
      ObjectNode q = requests.addObject();
      q.put("method", ex.method());
      q.put("path", paths.path(ex.url(), baseUrl));
      ArrayNode h = q.putArray("headers");
      Recorder.comparable(ex.headers()).forEach(x -> h.addArray().add(x.getKey()).add(x.getValue()));
      if (ex.body() != null) {
        q.put("body_sha256", Recorder.sha256(ex.body()));
        q.put("body_length", ex.body().length);
        if (ex.body().length <= 64 * 1024) {
          if (Curl.printable(ex.body())) {
            q.put("body", new String(ex.body(), StandardCharsets.UTF_8));
          } else {
            q.put("body_base64", Base64.getEncoder().encodeToString(ex.body()));
          }
        }
      }
      if (ex.chunked()) {
        q.put("chunked", true);
      }
      q.put("housekeeping", e.housekeeping());
      q.put("concurrent", e.concurrent());
      ObjectNode a = q.putObject("response");
      a.put("status", ex.status());
      String text = ex.status() < 0 ? ex.transportError() : ex.responseText();
      a.put("body", redact.apply(text.length() > 4096 ? text.substring(0, 4096) + "...(" + text.length() + " chars)"
          : text));
    }
    return n;
  }

  /** A wrapper, so that the input's type is written even when it is a list. */
  record Input(Object value) {}

  /** The case files at {@code path}: the file itself, or every {@code *.json} in the folder (and its cases/). */
  public static List<Case> read(Path path) {
    List<Path> files = new ArrayList<>();
    try {
      if (Files.isDirectory(path)) {
        Path dir = Files.isDirectory(path.resolve(DIR)) ? path.resolve(DIR) : path;
        try (var s = Files.list(dir)) {
          s.filter(f -> f.toString().endsWith(".json")).sorted().forEach(files::add);
        }
      } else {
        files.add(path);
      }
      if (files.isEmpty()) {
        throw new ConfigException("--replay: no case files (*.json) in " + path);
      }
      List<Case> out = new ArrayList<>();
      for (Path f : files) {
        out.add(parse(f, HttpTarget.JSON.readTree(Files.readString(f))));
      }
      return out;
    } catch (IOException e) {
      throw new ConfigException("--replay: cannot read " + path + ": " + e.getMessage());
    }
  }

  private static Case parse(Path f, JsonNode n) throws IOException {
    if (!n.path("check").isTextual() || !n.path("requests").isArray()) {
      throw new ConfigException("--replay: " + f + " is not a case file (no \"check\" and \"requests\")");
    }
    Object input = null;
    if (n.hasNonNull("input")) {
      input = TYPED.treeToValue(n.get("input"), Input.class).value();
    }
    List<Recorder.Expected> requests = new ArrayList<>();
    for (JsonNode q : n.get("requests")) {
      if (q.path("housekeeping").asBoolean() || q.path("concurrent").asBoolean()) {
        continue;
      }
      List<Map.Entry<String, String>> headers = new ArrayList<>();
      q.path("headers").forEach(h -> headers.add(Map.entry(h.get(0).asText(), h.get(1).asText())));
      requests.add(new Recorder.Expected(q.path("method").asText(), q.path("path").asText(), headers,
          q.path("body_sha256").asText("none")));
    }
    return new Case(f, n.get("check").asText(), n.path("profile").asText("reference"), n.path("seed").asLong(),
        input, n.path("failed_at").asInt(requests.size()), requests, n.path("expected").asText(""));
  }
}
