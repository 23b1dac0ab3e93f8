package dev.origincloudregions.conformance.pact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/** Where the pact files are, and how two of them are compared. */
final class PactFiles {
  static final String NAME = "origin-cloud-regions-sdk-origin-cloud-regions-api.json";
  static final ObjectMapper JSON = new ObjectMapper();

  private PactFiles() {}

  /** The module directory (Surefire sets {@code basedir}). */
  static Path moduleDir() {
    return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
  }

  /** Written by the SDK's consumer tests in this build. */
  static Path generated() {
    return moduleDir().resolveSibling("sdk").resolve("target/pacts").resolve(NAME);
  }

  /** The reviewed copy that the runner ships. */
  static Path committed() {
    return moduleDir().resolve("src/main/resources/pacts").resolve(NAME);
  }

  static JsonNode read(Path file) {
    try {
      return JSON.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The JSON paths where two pacts differ, ignoring only {@code metadata.pact-jvm}: the version of the library
   * that wrote the file says nothing about the contract.
   */
  static List<String> differences(JsonNode a, JsonNode b) {
    List<String> out = new ArrayList<>();
    diff("$", withoutWriterVersion(a), withoutWriterVersion(b), out);
    return out;
  }

  private static JsonNode withoutWriterVersion(JsonNode pact) {
    JsonNode copy = pact.deepCopy();
    if (copy.path("metadata") instanceof ObjectNode m) {
      m.remove("pact-jvm");
    }
    return copy;
  }

  private static void diff(String path, JsonNode a, JsonNode b, List<String> out) {
    if (a.isObject() && b.isObject()) {
      TreeSet<String> keys = new TreeSet<>();
      a.fieldNames().forEachRemaining(keys::add);
      b.fieldNames().forEachRemaining(keys::add);
      for (String k : keys) {
        String p = path + "['" + k + "']";
        if (!a.has(k) || !b.has(k)) {
          out.add(p + (a.has(k) ? " only in the first" : " only in the second"));
        } else {
          diff(p, a.get(k), b.get(k), out);
        }
      }
    } else if (a.isArray() && b.isArray()) {
      if (a.size() != b.size()) {
        out.add(path + " has " + a.size() + " items in the first, " + b.size() + " in the second");
      }
      Iterator<JsonNode> ia = a.elements();
      Iterator<JsonNode> ib = b.elements();
      for (int i = 0; ia.hasNext() && ib.hasNext(); i++) {
        diff(path + "[" + i + "]", ia.next(), ib.next(), out);
      }
    } else if (!a.equals(b)) {
      out.add(path + ": " + abbreviate(a) + " vs " + abbreviate(b));
    }
  }

  private static String abbreviate(JsonNode n) {
    String s = n.toString();
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
